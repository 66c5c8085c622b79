package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.image.ImageFormat;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Several assets as one ZIP, streamed: each entry is copied from the blob store as it is
 * written, so memory stays flat whatever the size. Entries are named after the assets
 * ({@code name-v2.jpg}), made unique when two assets share a name.
 */
@Service
public class AssetZip {

    private final AssetRows rows;
    private final AssetLibrary library;

    AssetZip(AssetRows rows, AssetLibrary library) {
        this.rows = rows;
        this.library = library;
    }

    /** Checks that the owner has every asset, before anything is streamed; counts a download of each. */
    public List<Asset> prepare(String ownerId, List<String> ids) {
        List<Asset> assets = rows.requireAll(ownerId, ids);
        rows.countDownloads(assets.stream().map(Asset::id).toList());
        return assets;
    }

    public void write(List<Asset> assets, OutputStream out) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Asset asset : assets) {
                zip.putNextEntry(new ZipEntry(uniqueName(asset, names)));
                try (InputStream in = library.open(asset)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    static String uniqueName(Asset asset, Set<String> taken) {
        String base = asset.name().replaceAll("[^\\p{L}\\p{N} ._()-]", "_") + "-v" + asset.version();
        String extension = extension(asset.mediaType());
        String name = base + extension;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n + extension;
        }
        return name;
    }

    private static String extension(String mediaType) {
        if (mediaType.startsWith("text/plain")) {
            return ".txt";
        }
        return ImageFormat.ofMediaType(mediaType).map(ImageFormat::extension).orElse("");
    }
}
