package org.webwatch.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes untrusted image files (JPEG, PNG, GIF, BMP, TIFF, WebP through ImageIO and the
 * TwelveMonkeys plugins) with bounded cost: the dimensions are read from the header before any
 * pixel is decoded and images above {@code maxPixels} are refused (decompression bombs); a decode
 * that runs past {@code timeout} is aborted; any decoder warning (e.g. a truncated JPEG, which the
 * JDK would otherwise fill with grey) makes the file corrupt. Only the first frame is read.
 * EXIF orientation is not applied (no reference decoder does). Thread-safe.
 */
public final class ImageDecoder {
  /** 100 megapixels: about 400 MB of decoded RGB, the most one file may cost. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "webwatch-decode-watchdog");
            t.setDaemon(true);
            return t;
          });

  static {
    ImageIO.setUseCache(false);
  }

  private final long maxPixels;
  private final Duration timeout;

  public ImageDecoder(long maxPixels, Duration timeout) {
    if (maxPixels <= 0) throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.maxPixels = maxPixels;
    this.timeout = timeout;
  }

  public ImageDecoder() {
    this(DEFAULT_MAX_PIXELS, DEFAULT_TIMEOUT);
  }

  /** Decodes the first image of {@code file}; throws {@link MediaDecodeException} otherwise. */
  public BufferedImage decode(Path file) {
    return decode(() -> ImageIO.createImageInputStream(file.toFile()), file.toString());
  }

  /**
   * Decodes the first image of {@code content} held in memory (an upload, hashed and then
   * forgotten: nothing touches the disk); {@code label} names it in errors.
   */
  public BufferedImage decode(byte[] content, String label) {
    return decode(() -> ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(content)), label);
  }

  private interface StreamOpener {
    ImageInputStream open() throws IOException;
  }

  private BufferedImage decode(StreamOpener opener, String file) {
    try (ImageInputStream in = opener.open()) {
      if (in == null) throw new MediaDecodeException(MediaDecodeException.Reason.IO, file + ": cannot open");
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new MediaDecodeException(
            MediaDecodeException.Reason.UNSUPPORTED, file + ": not an image format this build can decode");
      }
      // The JDK's own readers first: they are what the Java reference decodes with, so hashes
      // stay bit-exact (TwelveMonkeys converts CMYK JPEGs differently, 6–14 bits). A plugin reader
      // is the fallback when the JDK one cannot read the file (e.g. WebP, some TIFFs).
      List<ImageReader> ordered = new ArrayList<>();
      readers.forEachRemaining(ordered::add);
      ordered.sort(java.util.Comparator.comparingInt(r -> r.getClass().getName().startsWith("com.sun.") ? 0 : 1));
      MediaDecodeException first = null;
      for (ImageReader reader : ordered) {
        try {
          in.seek(0);
          return read(reader, in, file);
        } catch (MediaDecodeException e) {
          if (e.reason() != MediaDecodeException.Reason.CORRUPT) throw e;
          if (first == null) first = e;
        } finally {
          reader.dispose();
        }
      }
      throw first;
    } catch (MediaDecodeException e) {
      throw e;
    } catch (IOException e) {
      throw new MediaDecodeException(MediaDecodeException.Reason.IO, file + ": " + e.getMessage(), e);
    }
  }

  private BufferedImage read(ImageReader reader, ImageInputStream in, String file) {
    reader.setInput(in, true, true);
    long w;
    long h;
    try {
      w = reader.getWidth(0);
      h = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw new MediaDecodeException(
          MediaDecodeException.Reason.CORRUPT, file + ": unreadable image header: " + e.getMessage(), e);
    }
    if (w <= 0 || h <= 0 || w * h > maxPixels) {
      throw new MediaDecodeException(
          MediaDecodeException.Reason.TOO_LARGE,
          file + ": " + w + "×" + h + " pixels exceeds the limit of " + maxPixels + " (refused before decoding)");
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener(
        (src, warning) -> {
          if (!isColourAdvice(warning)) warnings.add(warning);
        });
    AtomicBoolean aborted = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        WATCHDOG.schedule(
            () -> {
              aborted.set(true);
              reader.abort();
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    BufferedImage img;
    try {
      img = reader.read(0);
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      if (aborted.get()) throw timeout(file);
      throw new MediaDecodeException(
          MediaDecodeException.Reason.CORRUPT, file + ": cannot decode: " + e, e);
    } finally {
      watchdog.cancel(false);
    }
    if (aborted.get()) throw timeout(file);
    if (img == null) throw new MediaDecodeException(MediaDecodeException.Reason.CORRUPT, file + ": no image decoded");
    if (!warnings.isEmpty()) {
      throw new MediaDecodeException(
          MediaDecodeException.Reason.CORRUPT, file + ": decoder warning: " + String.join("; ", warnings));
    }
    return img;
  }

  /**
   * Colour-management advice (e.g. TwelveMonkeys' "no embedded ICC profile" for CMYK) is not a
   * sign of damage; every other warning (premature end of data, bad Huffman code, …) is.
   */
  private static boolean isColourAdvice(String warning) {
    String w = warning.toLowerCase(java.util.Locale.ROOT);
    return w.contains("icc") || w.contains("color profile") || w.contains("colors may");
  }

  private MediaDecodeException timeout(String file) {
    return new MediaDecodeException(
        MediaDecodeException.Reason.TIMEOUT, file + ": decoding took longer than " + timeout.toMillis() + " ms");
  }
}
