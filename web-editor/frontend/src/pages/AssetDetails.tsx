import { useEffect, useState } from 'react';
import { assetContentUrl, fetchAsset, updateAsset, type Asset, type AssetCollection, type AssetDetail } from '../api';
import { formatInstant } from '../logic/time';
import { formatSize } from '../StudioNode';
import { messageOf, Problem } from './Problem';
import { Thumb } from './Thumb';

interface Props {
  id: string;
  collections: AssetCollection[];
  onOpen(id: string): void;
  onClose(): void;
  onTag(tag: string): void;
  onChanged(asset: Asset): void;
}

/** One asset: a large preview, its facts, its tags and collections, and its lineage (made from, made into, the run). */
export function AssetDetails({ id, collections, onOpen, onClose, onTag, onChanged }: Props) {
  const [detail, setDetail] = useState<AssetDetail | null>(null);
  const [lineage, setLineage] = useState<Record<string, Asset>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    fetchAsset(id)
      .then(async (found) => {
        if (!current) return;
        setDetail(found);
        // the lineage lists ids: read each once to show it by name and picture
        const related = await Promise.all([...found.sources, ...found.derived].map((r) => fetchAsset(r).catch(() => null)));
        if (current) setLineage(Object.fromEntries(related.filter((r) => r !== null).map((r) => [r.asset.id, r.asset])));
      })
      .catch((e) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, [id]);

  const asset = detail?.asset;
  const toggleFavourite = () => {
    if (!asset) return;
    updateAsset(asset.id, { favourite: !asset.favourite }).then(
      (changed) => {
        setDetail(changed);
        onChanged(changed.asset);
      },
      (e) => setError(`Cannot change the favourite: ${messageOf(e)}`),
    );
  };
  const collectionNames = collections.filter((c) => detail?.collections.includes(c.id)).map((c) => c.name);
  return (
    <aside className="details" data-testid="asset-details">
      <div className="details-head">
        <h2 title={asset?.name}>{asset?.name ?? 'Asset'}</h2>
        <button className="link" onClick={onClose} aria-label="Close" data-testid="details-close">
          ×
        </button>
      </div>
      <Problem error={error} testId="details-error" />
      {asset && detail && (
        <>
          <div className="details-preview">
            <Thumb asset={asset} testId="details-thumb" />
          </div>
          <div className="details-actions">
            <a className="button" href={assetContentUrl(asset.id)} download={asset.name} data-testid="details-download">
              Download
            </a>
            <button onClick={toggleFavourite} data-testid="details-favourite">
              {asset.favourite ? '★ Favourite' : '☆ Add to favourites'}
            </button>
          </div>
          <dl className="facts">
            <dt>Type</dt>
            <dd>
              {asset.mediaType}
              {asset.width != null && ` · ${asset.width}×${asset.height}`} · {formatSize(asset.size)}
            </dd>
            <dt>Created</dt>
            <dd>{formatInstant(asset.createdAt)}</dd>
            <dt>Version</dt>
            <dd>{asset.version}</dd>
            {asset.prompt && (
              <>
                <dt>Prompt</dt>
                <dd>{asset.prompt}</dd>
              </>
            )}
            {asset.provider && (
              <>
                <dt>Provider</dt>
                <dd>
                  {asset.provider}
                  {asset.model && ` · ${asset.model}`}
                </dd>
              </>
            )}
            <dt>Credits</dt>
            <dd>{asset.cost}</dd>
            <dt>Downloads</dt>
            <dd>{asset.downloads}</dd>
            <dt>Collections</dt>
            <dd>{collectionNames.length > 0 ? collectionNames.join(', ') : <span className="hint">none</span>}</dd>
          </dl>
          {asset.tags.length + asset.autoTags.length > 0 && (
            <div className="tags">
              {[...asset.tags, ...asset.autoTags].map((t) => (
                <button key={t} className="tag" onClick={() => onTag(t)} title="Show the assets with this tag">
                  {t}
                </button>
              ))}
            </div>
          )}
          <h3>Lineage</h3>
          <div data-testid="lineage">
            {asset.runId ? (
              <p data-testid="details-run">
                Made by run <code>{asset.runId}</code>
                {asset.nodeId && (
                  <>
                    {' '}
                    at node <code>{asset.nodeId}</code>
                    {asset.nodeType && <span className="hint"> ({asset.nodeType})</span>}
                  </>
                )}
                {asset.workflowId && (
                  <>
                    {' '}
                    of workflow <code>{asset.workflowId}</code>
                  </>
                )}
              </p>
            ) : (
              <p className="hint">Uploaded, not made by a run.</p>
            )}
            <Related title="Made from" ids={detail.sources} lineage={lineage} onOpen={onOpen} testId="lineage-source" />
            <Related title="Made into" ids={detail.derived} lineage={lineage} onOpen={onOpen} testId="lineage-derived" />
          </div>
          {asset.parameters && Object.keys(asset.parameters).length > 0 && (
            <details className="recipe">
              <summary>Recipe</summary>
              <pre>{JSON.stringify(asset.parameters, null, 2)}</pre>
            </details>
          )}
        </>
      )}
    </aside>
  );
}

function Related(props: { title: string; ids: string[]; lineage: Record<string, Asset>; onOpen(id: string): void; testId: string }) {
  if (props.ids.length === 0) return null;
  return (
    <div className="related">
      <h4>{props.title}</h4>
      {props.ids.map((id) => {
        const asset = props.lineage[id];
        return (
          <button key={id} className="related-item" onClick={() => props.onOpen(id)} data-testid={`${props.testId}-${id}`}>
            {asset && <Thumb asset={asset} testId={`${props.testId}-thumb-${id}`} />}
            <span>{asset?.name ?? id}</span>
          </button>
        );
      })}
    </div>
  );
}
