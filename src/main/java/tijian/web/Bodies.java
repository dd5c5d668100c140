package tijian.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import tijian.refusal.Refusal;

/** Request bodies read with a limit that is checked while reading, not after. */
final class Bodies {
    private Bodies() {}

    /** The whole body, or a 413 as soon as more than {@code max} bytes have arrived. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > max) {
                throw new Refusal(Refusal.Kind.TOO_LARGE, "too-large", "上传内容超过大小上限（" + max / (1024 * 1024) + " MB）。",
                        "The upload is larger than the limit (" + max / (1024 * 1024) + " MB).");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }
}
