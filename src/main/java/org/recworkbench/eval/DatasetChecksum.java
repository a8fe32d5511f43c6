package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a dataset's ids and interactions (user, item, value, time in row order): a stored run can tell
 * whether the dataset it is re-run on is still the one it measured.
 */
public final class DatasetChecksum {

    private DatasetChecksum() {
    }

    public static String of(Dataset dataset) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String id : dataset.users().ids()) {
            digest.update(id.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        digest.update((byte) 1);
        for (String id : dataset.items().ids()) {
            digest.update(id.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        RatingMatrix r = dataset.ratings();
        byte[] buffer = new byte[16 * 4096];
        int fill = 0;
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                if (fill == buffer.length) {
                    digest.update(buffer, 0, fill);
                    fill = 0;
                }
                fill = put(buffer, fill, u);
                fill = put(buffer, fill, r.rowItem(p));
                fill = put(buffer, fill, Float.floatToIntBits(r.rowValue(p)));
                fill = put(buffer, fill, r.rowTimestamp(p));
            }
        }
        digest.update(buffer, 0, fill);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int put(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
        return at + 4;
    }
}
