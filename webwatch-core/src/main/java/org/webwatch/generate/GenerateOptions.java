package org.webwatch.generate;

import org.webwatch.WebwatchException;

/**
 * What to generate. {@code postsPerPersonMean} is the mean number of forum posts per person
 * over the whole population (most persons post nothing, a few post a lot); private messages
 * come on top (about a quarter as many).
 */
public record GenerateOptions(
    int persons, long seed, double postsPerPersonMean, int sites, OutputFormat format) {
  /** Default mean posts per person: 20,000 persons give about 200,000 posts. */
  public static final double DEFAULT_POSTS_PER_PERSON_MEAN = 10.0;
  /** Default number of sites. */
  public static final int DEFAULT_SITES = 4;
  public static final int MAX_SITES = 64;
  /** Persons are held in memory (about 1.7 GB RSS was measured at 100,000 persons). */
  public static final int MAX_PERSONS = 2_000_000;

  /** Container of the generated capture. */
  public enum OutputFormat {
    DIR,
    ZIP,
    TAR_GZ;

    public static OutputFormat parse(String s) {
      return switch (s.toLowerCase(java.util.Locale.ROOT)) {
        case "dir" -> DIR;
        case "zip" -> ZIP;
        case "tar.gz", "tgz" -> TAR_GZ;
        default -> throw new WebwatchException(
            WebwatchException.Kind.INVALID_INPUT, "--format: expected dir, zip or tar.gz, got " + s);
      };
    }
  }

  public GenerateOptions {
    if (persons < 1) bad("persons must be at least 1, got " + persons);
    if (persons > MAX_PERSONS) bad("persons must be at most " + MAX_PERSONS + ", got " + persons);
    if (!(postsPerPersonMean > 0) || postsPerPersonMean > 10_000)
      bad("posts-per-person-mean must be in (0, 10000], got " + postsPerPersonMean);
    if (sites < 1 || sites > MAX_SITES) bad("sites must be in 1.." + MAX_SITES + ", got " + sites);
    if (format == null) bad("format is required");
  }

  public static GenerateOptions of(int persons, long seed) {
    return new GenerateOptions(persons, seed, DEFAULT_POSTS_PER_PERSON_MEAN, DEFAULT_SITES, OutputFormat.DIR);
  }

  private static void bad(String msg) {
    throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, msg);
  }
}
