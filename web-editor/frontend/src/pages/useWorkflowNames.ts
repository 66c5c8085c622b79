import { useEffect, useState } from 'react';
import { listWorkflows } from '../api';

/** The names of the user's saved workflows by id, fetched whenever the page shows; empty until then. */
export function useWorkflowNames(active: boolean): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    if (!active) return;
    // a name is a label only: when the list cannot be read, the id stands in for it
    listWorkflows().then(
      (workflows) => setNames(new Map(workflows.map((w) => [w.id, w.name]))),
      () => undefined,
    );
  }, [active]);
  return names;
}
