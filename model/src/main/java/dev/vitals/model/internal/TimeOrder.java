package dev.vitals.model.internal;

/** Stable ordering of rows by a long key, without boxing. */
public final class TimeOrder {
    private TimeOrder() {
    }

    /** The permutation that sorts {@code keys[0..n)} ascending, stable; identity if already sorted. */
    public static int[] order(long[] keys, int n) {
        int[] perm = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            if (i > 0 && keys[i] < keys[i - 1]) {
                sorted = false;
            }
        }
        if (sorted) {
            return perm;
        }
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = keys[perm[j]] < keys[perm[i]] ? perm[j++] : perm[i++];
                }
                while (i < mid) {
                    tmp[k++] = perm[i++];
                }
                while (j < hi) {
                    tmp[k++] = perm[j++];
                }
            }
            int[] swap = perm;
            perm = tmp;
            tmp = swap;
        }
        return perm;
    }
}
