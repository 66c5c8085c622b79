package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pictures and graphs for the library tests. */
final class TestAssets {

    private TestAssets() {
    }

    static String user() {
        return "user-" + UUID.randomUUID();
    }

    /** A flat picture of one colour, as PNG (each call with a new colour gives new bytes). */
    static byte[] png(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Loads a library asset, resizes it to a width, encodes it as JPEG and keeps it under a name. */
    static Graph fromAsset(String assetId, int width, String name) {
        return fromAsset(assetId, width, Map.of("name", name));
    }

    /** Stored images (their hashes, separated by commas) each resized to fit {@code width} a side, encoded and kept under {@code name}. */
    static Graph fromFolder(String hashes, int width, String name) {
        return new Graph(List.of(
                new GraphNode("load", "LoadImages", 1, Map.of("blobs", hashes)),
                new GraphNode("resize", "Resize", 1, Map.of("width", width, "height", width, "mode", "fit")),
                new GraphNode("encode", "Encode", 1, Map.of("format", "jpeg", "quality", 80)),
                new GraphNode("save", "SaveToLibrary", 1, Map.of("name", name, "autoTags", false))),
                List.of(new Edge("load.images", "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of());
    }

    /** The same graph, its SaveToLibrary node given these parameters. */
    static Graph fromAsset(String assetId, int width, Map<String, Object> saveParams) {
        return new Graph(List.of(
                new GraphNode("source", "LoadAsset", 1, Map.of("asset", assetId)),
                new GraphNode("resize", "Resize", 1, Map.of("width", width, "height", width, "mode", "fit")),
                new GraphNode("encode", "Encode", 1, Map.of("format", "jpeg", "quality", 80)),
                new GraphNode("save", "SaveToLibrary", 1, saveParams)),
                List.of(new Edge("source.image", "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of());
    }
}
