package com.imagestudio.flow.web;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

/** Photos made in the test, as JPEG bytes: a gradient with a marked centre, or one colour. */
final class TestPhotos {

    private TestPhotos() {
    }

    /** A gradient whose centre square is pure red, so a centred crop can be checked by pixel. */
    static byte[] jpeg(int width, int height) {
        return encode(photo(width, height));
    }

    /**
     * As {@link #jpeg}, with a random pixel in a corner: bytes no other test stores, for tests
     * about who else refers to a blob (the tests share one database and blob store).
     */
    static byte[] uniqueJpeg(int width, int height) {
        BufferedImage image = photo(width, height);
        image.setRGB(0, 0, ThreadLocalRandom.current().nextInt(0x1000000));
        image.setRGB(1, 0, ThreadLocalRandom.current().nextInt(0x1000000));
        return encode(image);
    }

    /** A JPEG of one colour, with a random pixel in a corner (bytes no other test stores, see {@link #uniqueJpeg}). */
    static byte[] plainJpeg(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        image.setRGB(0, 0, ThreadLocalRandom.current().nextInt(0x1000000));
        return encode(image);
    }

    private static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.YELLOW));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        int side = Math.min(width, height) / 5;
        g.fillRect(width / 2 - side / 2, height / 2 - side / 2, side, side);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
