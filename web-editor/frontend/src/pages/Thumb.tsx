import { blobUrl, type Asset } from '../api';

/** An image's own bytes (content-addressed, so cached for good and not counted as a download); a label otherwise. */
export function Thumb({ asset, testId = `thumb-${asset.id}` }: { asset: Asset; testId?: string }) {
  return asset.type === 'IMAGE' ? (
    <img className="thumb-img" src={blobUrl(asset.blobHash)} alt={asset.name} loading="lazy" data-testid={testId} />
  ) : (
    <div className="thumb-img placeholder" data-testid={testId}>
      {asset.type.toLowerCase()}
    </div>
  );
}
