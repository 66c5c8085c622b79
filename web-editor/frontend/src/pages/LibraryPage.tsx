import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  addToCollection,
  createCollection,
  deleteAssets,
  deleteCollection,
  downloadAssetsZip,
  listCollections,
  removeFromCollection,
  renameCollection,
  searchAssets,
  tagAssets,
  updateAsset,
  type Asset,
  type AssetCollection,
} from '../api';
import { assetQuery, NO_FILTERS, rangeProblem, SORTS, tagsOf, type AssetFilters, type AssetSort } from '../logic/assetQuery';
import { formatInstant } from '../logic/time';
import { formatSize } from '../StudioNode';
import { AssetDetails } from './AssetDetails';
import { messageOf, Problem } from './Problem';
import { Thumb } from './Thumb';
import { saveFile } from '../download';

const PAGE_SIZE = 48;

/** The asset library: search, filters, sorting, pages, favourites, collections, bulk actions and details. */
export function LibraryPage({ active }: { active: boolean }) {
  const [filters, setFilters] = useState<AssetFilters>(NO_FILTERS);
  const [searchText, setSearchText] = useState('');
  const [sort, setSort] = useState<AssetSort>('created-desc');
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [items, setItems] = useState<Asset[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [collections, setCollections] = useState<AssetCollection[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const filter = useCallback(
    (change: Partial<AssetFilters>) =>
      setFilters((f) => (Object.entries(change).every(([k, v]) => f[k as keyof AssetFilters] === v) ? f : { ...f, ...change })),
    [],
  );

  const loadCollections = useCallback(() => {
    listCollections().then(setCollections, (e) => setError(messageOf(e)));
  }, []);
  useEffect(() => {
    if (active) loadCollections();
  }, [active, loadCollections]);

  // the search box narrows the grid once typing pauses
  useEffect(() => {
    const timer = window.setTimeout(() => filter({ text: searchText }), 300);
    return () => window.clearTimeout(timer);
  }, [searchText, filter]);

  useEffect(() => {
    if (!active) return;
    const problem = rangeProblem(filters);
    if (problem) {
      setError(problem);
      return;
    }
    let current = true;
    setLoading(true);
    searchAssets(assetQuery(filters, sort, PAGE_SIZE, 0))
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setTotal(page.total);
        setError(null);
      })
      .catch((e) => current && setError(messageOf(e)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [filters, sort, reloads, active]);

  const loadMore = () => {
    setLoading(true);
    searchAssets(assetQuery(filters, sort, PAGE_SIZE, items.length))
      .then((page) => {
        setItems((shown) => {
          const ids = new Set(shown.map((a) => a.id));
          return [...shown, ...page.items.filter((a) => !ids.has(a.id))];
        });
        setTotal(page.total);
      })
      .catch((e) => setError(messageOf(e)))
      .finally(() => setLoading(false));
  };

  const toggleFavourite = (asset: Asset) => {
    const favourite = !asset.favourite;
    const mark = (value: boolean) => setItems((shown) => shown.map((a) => (a.id === asset.id ? { ...a, favourite: value } : a)));
    mark(favourite);
    updateAsset(asset.id, { favourite }).catch((e) => {
      mark(!favourite);
      setError(`Cannot change the favourite: ${messageOf(e)}`);
    });
  };

  const toggleSelected = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  /** Runs a bulk action, then shows the library as it now is. */
  const bulk = (action: () => Promise<unknown>, failure: string, clear = false) =>
    action()
      .then(() => {
        if (clear) setSelected(new Set());
        reload();
        loadCollections();
      })
      .catch((e) => setError(`${failure}: ${messageOf(e)}`));

  const shownCollection = collections.find((c) => c.id === filters.collection);
  const unfiltered = (Object.keys(NO_FILTERS) as (keyof AssetFilters)[]).every((k) => filters[k] === NO_FILTERS[k]);
  return (
    <div className="page library">
      <aside className="page-side">
        <h2>Library</h2>
        <button className={`side-link ${!filters.collection && !filters.favourite ? 'active' : ''}`} onClick={() => filter({ collection: '', favourite: false })} data-testid="collection-all">
          All assets
        </button>
        <button className={`side-link ${filters.favourite ? 'active' : ''}`} onClick={() => filter({ favourite: !filters.favourite })} data-testid="filter-favourite">
          ★ Favourites
        </button>
        <h3>Collections</h3>
        {collections.length === 0 && <p className="hint">None yet.</p>}
        {collections.map((c) => (
          <button
            key={c.id}
            className={`side-link ${filters.collection === c.id ? 'active' : ''}`}
            onClick={() => filter({ collection: filters.collection === c.id ? '' : c.id })}
            data-testid={`collection-${c.id}`}
          >
            <span>{c.name}</span> <span className="count">{c.assets}</span>
          </button>
        ))}
        <NewCollection onCreate={(name) => bulk(() => createCollection(name), 'Cannot create the collection')} />
        {shownCollection && (
          <CollectionActions
            key={shownCollection.id}
            collection={shownCollection}
            onRename={(name) => bulk(() => renameCollection(shownCollection.id, name), 'Cannot rename the collection')}
            onDelete={() => {
              filter({ collection: '' });
              void bulk(() => deleteCollection(shownCollection.id), 'Cannot delete the collection');
            }}
          />
        )}
      </aside>

      <section className="page-main">
        <div className="filters">
          <input
            type="search"
            className="grow"
            placeholder="Search names, prompts and tags…"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && filter({ text: searchText })}
            data-testid="asset-search"
            aria-label="Search"
          />
          <select value={filters.type} onChange={(e) => filter({ type: e.target.value as AssetFilters['type'] })} data-testid="filter-type" aria-label="Type">
            <option value="">Any type</option>
            <option value="IMAGE">Images</option>
            <option value="VIDEO">Videos</option>
            <option value="AUDIO">Audio</option>
            <option value="TEXT">Text</option>
          </select>
          <label className="inline">
            from <input type="date" value={filters.from} onChange={(e) => filter({ from: e.target.value })} data-testid="filter-from" />
          </label>
          <label className="inline">
            to <input type="date" value={filters.to} onChange={(e) => filter({ to: e.target.value })} data-testid="filter-to" />
          </label>
          <select value={filters.status} onChange={(e) => filter({ status: e.target.value })} data-testid="filter-status" aria-label="Status">
            <option value="">Any status</option>
            <option value="READY">Ready</option>
          </select>
          <select value={sort} onChange={(e) => setSort(e.target.value as AssetSort)} data-testid="sort" aria-label="Sort">
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <div className="segmented">
            <button className={view === 'grid' ? 'on' : ''} onClick={() => setView('grid')} data-testid="view-grid">
              Grid
            </button>
            <button className={view === 'list' ? 'on' : ''} onClick={() => setView('list')} data-testid="view-list">
              List
            </button>
          </div>
        </div>
        <div className="filter-summary">
          <span data-testid="asset-count">
            {total} asset{total === 1 ? '' : 's'}
            {shownCollection && <> in <b>{shownCollection.name}</b></>}
            {filters.favourite && <> · favourites</>}
          </span>
          {filters.tag && (
            <span className="chip">
              tag {filters.tag}{' '}
              <button className="link" onClick={() => filter({ tag: '' })} aria-label="Clear the tag filter">
                ×
              </button>
            </span>
          )}
          {loading && <span className="hint">loading…</span>}
        </div>
        <Problem error={error} testId="library-error" onClose={() => setError(null)} />
        {selected.size > 0 && (
          <SelectionBar
            count={selected.size}
            collections={collections}
            shownCollection={shownCollection}
            onClear={() => setSelected(new Set())}
            onDownload={() =>
              downloadAssetsZip([...selected]).then((zip) => saveFile(zip, 'assets.zip'), (e) => setError(`Cannot download: ${messageOf(e)}`))
            }
            onTag={(tags) => bulk(() => tagAssets([...selected], tags), 'Cannot tag')}
            onAddTo={(id) => bulk(() => addToCollection(id, [...selected]), 'Cannot add to the collection')}
            onRemoveFromShown={() =>
              bulk(() => Promise.all([...selected].map((id) => removeFromCollection(shownCollection!.id, id))), 'Cannot remove from the collection', true)
            }
            onDelete={() => {
              if (openId && selected.has(openId)) setOpenId(null);
              void bulk(() => deleteAssets([...selected]), 'Cannot delete', true);
            }}
          />
        )}
        {items.length === 0 && !loading && !error && (
          <p className="empty-page">
            {unfiltered ? 'No assets yet: every output a run keeps lands here.' : 'No asset matches these filters.'}
          </p>
        )}
        {view === 'grid' ? (
          <div className="asset-grid">
            {items.map((a) => (
              <figure
                key={a.id}
                className={`tile ${selected.has(a.id) ? 'selected' : ''} ${openId === a.id ? 'open' : ''}`}
                data-testid={`asset-${a.id}`}
                onClick={() => setOpenId(a.id)}
              >
                <Thumb asset={a} />
                <input
                  type="checkbox"
                  className="tile-select"
                  checked={selected.has(a.id)}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => toggleSelected(a.id)}
                  data-testid={`select-${a.id}`}
                  aria-label={`Select ${a.name}`}
                />
                <Star asset={a} onToggle={toggleFavourite} />
                <figcaption>
                  <span className="name" title={a.name}>
                    {a.name}
                  </span>
                  <span className="hint">{a.width != null ? `${a.width}×${a.height}` : a.type.toLowerCase()}</span>
                </figcaption>
              </figure>
            ))}
          </div>
        ) : (
          <table className="table asset-list">
            <thead>
              <tr>
                <th />
                <th />
                <th>Name</th>
                <th>Type</th>
                <th>Size</th>
                <th>Created</th>
                <th>Tags</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className={openId === a.id ? 'open' : ''} data-testid={`asset-${a.id}`} onClick={() => setOpenId(a.id)}>
                  <td onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" checked={selected.has(a.id)} onChange={() => toggleSelected(a.id)} data-testid={`select-${a.id}`} aria-label={`Select ${a.name}`} />
                  </td>
                  <td className="list-thumb">
                    <Thumb asset={a} />
                  </td>
                  <td>{a.name}</td>
                  <td>
                    {a.type.toLowerCase()}
                    {a.width != null && <span className="hint"> {a.width}×{a.height}</span>}
                  </td>
                  <td>{formatSize(a.size)}</td>
                  <td>{formatInstant(a.createdAt)}</td>
                  <td className="hint">{[...a.tags, ...a.autoTags].join(', ')}</td>
                  <td>
                    <Star asset={a} onToggle={toggleFavourite} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {items.length < total && (
          <div className="more">
            <button onClick={loadMore} disabled={loading} data-testid="load-more">
              Load more ({total - items.length} left)
            </button>
          </div>
        )}
      </section>

      {openId && (
        <AssetDetails
          id={openId}
          collections={collections}
          onOpen={setOpenId}
          onClose={() => setOpenId(null)}
          onTag={(tag) => filter({ tag })}
          onChanged={(asset) => setItems((shown) => shown.map((a) => (a.id === asset.id ? asset : a)))}
        />
      )}
    </div>
  );
}

function Star({ asset, onToggle }: { asset: Asset; onToggle(asset: Asset): void }) {
  return (
    <button
      className={`star ${asset.favourite ? 'on' : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        onToggle(asset);
      }}
      title={asset.favourite ? 'Remove from favourites' : 'Add to favourites'}
      aria-pressed={asset.favourite}
      data-testid={`favourite-${asset.id}`}
    >
      {asset.favourite ? '★' : '☆'}
    </button>
  );
}

function NewCollection({ onCreate }: { onCreate(name: string): Promise<unknown> }) {
  const [name, setName] = useState('');
  const create = () => {
    if (name.trim()) void onCreate(name.trim()).then(() => setName(''));
  };
  return (
    <div className="side-form">
      <input
        type="text"
        placeholder="New collection"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && create()}
        data-testid="new-collection-name"
      />
      <button onClick={create} disabled={!name.trim()} data-testid="create-collection">
        Add
      </button>
    </div>
  );
}

function CollectionActions({ collection, onRename, onDelete }: { collection: AssetCollection; onRename(name: string): void; onDelete(): void }) {
  const [name, setName] = useState(collection.name);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="side-box">
      <h3>This collection</h3>
      <div className="side-form">
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} data-testid="rename-collection-name" aria-label="Collection name" />
        <button onClick={() => onRename(name.trim())} disabled={!name.trim() || name.trim() === collection.name} data-testid="rename-collection">
          Rename
        </button>
      </div>
      {confirming ? (
        <div className="side-form">
          <button className="danger" onClick={onDelete} data-testid="delete-collection-confirm">
            Delete it (assets stay)
          </button>
          <button onClick={() => setConfirming(false)}>Keep</button>
        </div>
      ) : (
        <button className="link danger-text" onClick={() => setConfirming(true)} data-testid="delete-collection">
          Delete collection…
        </button>
      )}
    </div>
  );
}

interface SelectionProps {
  count: number;
  collections: AssetCollection[];
  shownCollection: AssetCollection | undefined;
  onClear(): void;
  onDownload(): void;
  onTag(tags: string[]): void;
  onAddTo(collectionId: string): void;
  onRemoveFromShown(): void;
  onDelete(): void;
}

function SelectionBar(props: SelectionProps) {
  const [tags, setTags] = useState('');
  const [confirming, setConfirming] = useState(false);
  const typed = useMemo(() => tagsOf(tags), [tags]);
  return (
    <div className="selection-bar" data-testid="selection-bar">
      <b data-testid="selection-count">{props.count} selected</b>
      <button onClick={props.onDownload} data-testid="bulk-download">
        Download ZIP
      </button>
      <span className="joined">
        <input type="text" placeholder="tags, comma separated" value={tags} onChange={(e) => setTags(e.target.value)} data-testid="bulk-tags" />
        <button
          onClick={() => {
            props.onTag(typed);
            setTags('');
          }}
          disabled={typed.length === 0}
          data-testid="bulk-tag"
        >
          Tag
        </button>
      </span>
      <select
        value=""
        onChange={(e) => e.target.value && props.onAddTo(e.target.value)}
        disabled={props.collections.length === 0}
        data-testid="bulk-add-to-collection"
        aria-label="Add to a collection"
      >
        <option value="">Add to collection…</option>
        {props.collections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {props.shownCollection && (
        <button onClick={props.onRemoveFromShown} data-testid="bulk-remove-from-collection">
          Remove from {props.shownCollection.name}
        </button>
      )}
      {confirming ? (
        <>
          <button
            className="danger"
            onClick={() => {
              setConfirming(false);
              props.onDelete();
            }}
            data-testid="bulk-delete-confirm"
          >
            Delete {props.count} for good
          </button>
          <button onClick={() => setConfirming(false)}>Keep</button>
        </>
      ) : (
        <button onClick={() => setConfirming(true)} data-testid="bulk-delete">
          Delete…
        </button>
      )}
      <button className="link" onClick={props.onClear} data-testid="clear-selection">
        Clear selection
      </button>
    </div>
  );
}
