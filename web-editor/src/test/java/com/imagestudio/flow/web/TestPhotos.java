package com.imagestudio.flow.web;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Photos made in the test: a gradient with a marked centre, as JPEG bytes. */
final class TestPhotos {

    private TestPhotos() {
    }

    /** A gradient whose centre square is pure red, so a centred crop can be checked by pixel. */
    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.YELLOW));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        int side = Math.min(width, height) / 5;
        g.fillRect(width / 2 - side / 2, height / 2 - side / 2, side, side);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
