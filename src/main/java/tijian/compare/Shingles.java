package tijian.compare;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Sentences as sets of character trigrams, summarised by MinHash so that near-duplicates are found through a few
 * band hashes (locality-sensitive hashing) instead of comparing every sentence with every other. The hashes are
 * stored in the passage index, so everything here is fixed: changing a constant means re-indexing every report.
 */
public final class Shingles {
    private Shingles() {}

    /** Characters of a trigram: short enough that an edited unit name leaves most of a sentence's trigrams intact. */
    static final int SHINGLE = 3;
    /** Rows per band: two sentences share a band with probability J^ROWS (J their trigram Jaccard similarity). */
    static final int ROWS = 4;
    /**
     * Bands per sentence. With 16 bands of 4 rows a pair at J=0.8 shares a band with probability 0.9998, at J=0.6
     * 0.89, at J=0.3 0.12 (and is then dropped when verified), so copies are found and unrelated sentences rarely looked at.
     */
    public static final int BANDS = 16;
    private static final int HASHES = ROWS * BANDS;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            s += 0x9E3779B97F4A7C15L;
            SEEDS[i] = mix(s);
        }
    }

    /**
     * What stays of a sentence when copying it into another report: NFKC (full- and half-width alike), letters and
     * digits only — no spacing, punctuation or symbols, which a paste or a reformat changes.
     */
    public static String normalise(CharSequence text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The trigrams of a normalised text, hashed, sorted and distinct. */
    static long[] shingles(String normalised) {
        int[] cps = normalised.codePoints().toArray();
        if (cps.length < SHINGLE) {
            return new long[0];
        }
        long[] out = new long[cps.length - SHINGLE + 1];
        for (int i = 0; i < out.length; i++) {
            long h = 0;
            for (int k = 0; k < SHINGLE; k++) {
                h = h * 0x110000L + cps[i + k];
            }
            out[i] = mix(h);
        }
        return Arrays.stream(out).sorted().distinct().toArray();
    }

    /** Exact Jaccard similarity of two normalised texts' trigram sets (verifies a candidate the bands found). */
    public static double similarity(String a, String b) {
        long[] x = shingles(a);
        long[] y = shingles(b);
        if (x.length == 0 || y.length == 0) {
            return a.equals(b) ? 1 : 0;
        }
        int i = 0, j = 0, common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (x.length + y.length - common);
    }

    /** The band hashes of a normalised sentence: {@link #BANDS} values, distinct per band position. */
    public static long[] bands(String normalised) {
        long[] shingles = shingles(normalised);
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long sh : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(sh ^ SEEDS[i]);
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        long[] bands = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = mix(b + 1L);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + min[b * ROWS + r]);
            }
            bands[b] = h;
        }
        return bands;
    }

    /** A report's whole text, normalised and hashed: two uploads of the same report (any format) have the same one. */
    public static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SplitMix64's finaliser: a fixed, well-spread 64-bit hash (String.hashCode is too weak for MinHash). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
