package dev.lifeline.desktop.testing;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Scene snapshots as PNGs (java.awt.image + javax.imageio; no javafx-swing needed), written to the folder in the
 * {@code screenshots.dir} system property (the build folder by default; {@code docs/screenshots} to refresh the docs).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    /** Must run on the FX thread. */
    public static BufferedImage snapshot(Scene scene) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        return out;
    }

    /** The window dimmed, with the dialog drawn over it at its position relative to the window. */
    public static BufferedImage overlay(BufferedImage window, BufferedImage dialog, int x, int y) {
        BufferedImage out = new BufferedImage(window.getWidth(), window.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(window, 0, 0, null);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.setColor(new Color(15, 23, 42));
        g.fillRect(0, 0, window.getWidth(), window.getHeight());
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(new Color(0, 0, 0, 60));
        g.fillRect(x + 4, y + 6, dialog.getWidth(), dialog.getHeight());
        g.drawImage(dialog, x, y, null);
        g.dispose();
        return out;
    }

    public static Path write(BufferedImage image, String name) {
        try {
            Files.createDirectories(dir());
            Path file = dir().resolve(name + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
