package tijian.report;

/**
 * The time a running check must end by, for the work a rule can start but not finish: a regular expression can
 * backtrack for ever on a few hundred characters, and no engine halt reaches inside it. Set per thread by the
 * checker; {@link Report#find} reads the text through {@link #text} so that the match stops at the deadline.
 */
public final class Deadline {
    private static final ThreadLocal<long[]> AT = new ThreadLocal<>();

    private Deadline() {}

    /** From now until {@link #clear()}, this thread's rule work must end at {@code nanoTime}. */
    public static void set(long nanoTime) { AT.set(new long[] {nanoTime}); }

    public static void clear() { AT.remove(); }

    /** True once this thread's deadline has passed. */
    public static boolean passed() {
        long[] at = AT.get();
        return at != null && System.nanoTime() - at[0] > 0;
    }

    /** Thrown into rule work that ran past its deadline. */
    public static final class Exceeded extends RuntimeException {
        Exceeded() { super("the check ran past its time limit", null, false, false); }
    }

    /** The text as the regex engine should see it: stopping at the deadline (or when the thread is interrupted). */
    static CharSequence text(String text) {
        long[] at = AT.get();
        return at == null ? text : new Watched(text, at[0]);
    }

    private record Watched(String text, long deadline) implements CharSequence {
        @Override public int length() { return text.length(); }

        @Override public char charAt(int index) {
            // nanoTime costs ~20 ns; every read keeps a catastrophic pattern from overshooting by more than that
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                throw new Exceeded();
            }
            return text.charAt(index);
        }

        @Override public CharSequence subSequence(int start, int end) { return text.subSequence(start, end); }

        @Override public String toString() { return text; }
    }
}
