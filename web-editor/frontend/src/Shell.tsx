import { useEffect, useState, type MouseEvent } from 'react';
import { App } from './App';
import { addressOf, pageOf, PAGES, type Page } from './logic/route';
import { BatchesPage } from './pages/BatchesPage';
import { LibraryPage } from './pages/LibraryPage';
import { SchedulesPage } from './pages/SchedulesPage';

const TITLES: Record<Page, string> = { editor: 'Editor', library: 'Library', batches: 'Batches', schedules: 'Schedules' };

/**
 * The top bar and the page it points to. A page stays mounted once opened (hidden while another
 * shows), so the editor keeps its graph, run and history, and the library its filters.
 */
export function Shell() {
  const [page, setPage] = useState<Page>(() => pageOf(window.location.hash));
  const [opened, setOpened] = useState<Set<Page>>(() => new Set([page]));

  useEffect(() => {
    const follow = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  useEffect(() => {
    setOpened((o) => (o.has(page) ? o : new Set(o).add(page)));
    document.title = page === 'editor' ? 'Image Studio Flow' : `${TITLES[page]} · Image Studio Flow`;
  }, [page]);

  // the editor's address is the bare "/": leaving a hash page for it must not reload the editor
  const goToEditor = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    window.history.pushState(null, '', addressOf('editor'));
    setPage('editor');
  };

  return (
    <div className="shell">
      <nav className="topnav">
        <span className="brand">Image Studio Flow</span>
        {PAGES.map((p) => (
          <a
            key={p}
            href={addressOf(p)}
            className={p === page ? 'active' : undefined}
            aria-current={p === page ? 'page' : undefined}
            data-testid={`nav-${p}`}
            onClick={p === 'editor' ? goToEditor : undefined}
          >
            {TITLES[p]}
          </a>
        ))}
      </nav>
      <div className="page-host" hidden={page !== 'editor'}>
        <App active={page === 'editor'} />
      </div>
      {opened.has('library') && (
        <div className="page-host" hidden={page !== 'library'}>
          <LibraryPage active={page === 'library'} />
        </div>
      )}
      {opened.has('batches') && (
        <div className="page-host" hidden={page !== 'batches'}>
          <BatchesPage active={page === 'batches'} />
        </div>
      )}
      {opened.has('schedules') && (
        <div className="page-host" hidden={page !== 'schedules'}>
          <SchedulesPage active={page === 'schedules'} />
        </div>
      )}
    </div>
  );
}
