package org.recworkbench.stream;

import org.recworkbench.algo.knn.KnnModel;
import org.recworkbench.algo.knn.KnnParams;
import org.recworkbench.data.TopN;
import org.recworkbench.similarity.SimilarityFormula;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.Arrays;

/**
 * Item-based kNN kept current event by event, with the fitted model's measure, options, pool size and scoring.
 * Every item pair's dot product and overlap and every item's squared norm and length are kept (dense: with place
 * hints and single-precision pool similarities, about 21 bytes per pair). An event (u, i, r) changes only pairs
 * that involve i: its dot products with u's other items and, through i's norm and length, its similarity with
 * every item. So each event updates those sums, rebuilds i's neighbour pool, and checks item i against every other
 * pool. Each item keeps its exact top {@link #KEPT} (the fitted pool of {@link KnnParams#POOL} plus a margin) and
 * an upper bound on the similarities left outside. A member that falls to the bound leaves from the end of the
 * list; only when a member falls below others it cannot pass, or fewer than the pool size remain, is the list
 * rebuilt from the sums. The first {@link KnnParams#POOL} of each list then equal the pool of a refit on the same
 * interactions.
 */
public final class LiveItemKnn implements LiveScorer, ItemNeighbours {

    private final LiveData data;
    private final SimilarityOptions options;
    private final int k;
    /** Neighbours kept per item: the pool and a margin that absorbs members falling out of it. */
    static final int KEPT = KnnParams.POOL + 16;

    private final int poolSize;
    private int capacity;
    /**
     * Per pair (a, b), at 2·(a·capacity + b): the dot product, then the overlap (a count, exact in a double). Side
     * by side, an event's update of the pair's copy in b's row (a random place in a large array) touches one cache
     * line and one page instead of two each.
     */
    private double[] sums;
    private long[] member;
    /** Like {@link #member}, for the fitted pool's part of each list only (the first {@link KnnParams#POOL}). */
    private long[] shown;
    /**
     * Where {@link #shown} is set, the member's similarity in single precision (as scores take it), at the same
     * place: a user's scores can then be summed from the rows of the user's items alone.
     */
    private float[] shownSim;
    /** Per pair (member i, list x) at i·capacity + x: i's place in x's list when last offered there (a hint). */
    private byte[] placeHint;
    private double[] norm2;
    /** √norm2, kept beside it: the cosine takes the rooted norms. */
    private double[] norm;
    private int[] length;
    /** Every list in one pair of arrays, item x's from x·{@link #KEPT}: no array headers to load on the way. */
    private int[] entryItems;
    private double[] entrySims;
    private int[] poolCount;
    private double[] outsideBound;
    private final PoolSelector rowHeap = new PoolSelector();
    private final PoolSelector rebuildHeap = new PoolSelector();
    private final int[] drainItems;
    /** Scratch of refreshFalling: the user's items flagged, the pools holding the event's item, candidates. */
    private boolean[] touched;
    private long[] holders;
    private int[] scratchItems;
    private int warmed;
    /**
     * Scratch of {@link #store}, zero between calls: a new member's place + 1; once found among the old members,
     * −{@link #WAS_SHOWN} if it was in the pool's first {@link KnnParams#POOL}, else −1.
     */
    private int[] newPlace;
    private static final int WAS_SHOWN = 2;
    private final double[] drainSims;
    private long poolRebuilds;
    /** Per item, r_max times this bounds any user's score: the sum of its first k pool similarities. */
    private double[] bound;
    /** Each item's key as it stands in {@link #byBound}: its bound's when last raised or sorted (maybe higher now). */
    private long[] keyOf;
    private boolean[] boundStale;
    private int[] staleItems;
    private int staleCount;
    /** Items by bound, highest first, as keys (bound rounded up in the high bits, item in the low ones). */
    private long[] byBound = new long[0];
    private boolean orderStale = true;
    private static final int INDEX_BITS = 20;
    /** Events between exact recomputations of every score bound. */
    private static final int TIGHTEN_EVERY = 2048;
    private int eventsSinceTightening;
    /**
     * One user's ratings by item ({@link #userRow}, with {@link #userBits} saying which are rated), kept between
     * calls so that a list and its explanations do not each build a row of every item; −1 after any event.
     */
    private int loadedUser = -1;
    private double[] userRow = new double[0];
    private long[] userBits = new long[0];
    private int[] loadedItems = new int[0];
    private int loadedCount;

    /** Whether a fitted model can be kept current this way (item-kNN with a measure of pair sums). */
    public static boolean supports(KnnModel model) {
        return model.algorithmId().equals("item-knn") && model.neighbourPool().options().fromPairSums();
    }

    /**
     * The dense sums' size in bytes for this many items (with room for new ones); {@link Long#MAX_VALUE} beyond
     * what a Java array can index (about 32,000 items).
     */
    public static long memoryBytes(int items) {
        long c = capacityFor(items);
        if (2 * c * c > Integer.MAX_VALUE - 16) {
            return Long.MAX_VALUE;
        }
        // dot products, overlaps, place hints and shown similarities; two bits (member, shown) per pair
        return c * c * 21 + c * c / 4;
    }

    public LiveItemKnn(KnnModel model, LiveData data) {
        if (!supports(model)) {
            throw new IllegalArgumentException("incremental item-kNN needs cosine (full norms) or Jaccard");
        }
        this.data = data;
        this.options = model.neighbourPool().options();
        this.k = model.params().getInt("k");
        this.poolSize = KnnParams.POOL;
        this.drainItems = new int[KEPT + 1];
        this.drainSims = new double[KEPT + 1];
        allocate(capacityFor(data.itemCount()));
        accumulate();
        for (int x = 0; x < data.itemCount(); x++) {
            rebuildPool(x);
        }
    }

    private static int capacityFor(int items) {
        return items + items / 16 + 16;
    }

    private void allocate(int newCapacity) {
        loadedUser = -1;
        int old = capacity;
        double[] newSums = new double[2 * newCapacity * newCapacity];
        long[] newMember = new long[(int) (((long) newCapacity * newCapacity + 63) >>> 6)];
        for (int a = 0; a < old; a++) {
            System.arraycopy(sums, 2 * a * old, newSums, 2 * a * newCapacity, 2 * old);
        }
        capacity = newCapacity;
        sums = newSums;
        member = newMember;
        shown = new long[newMember.length];
        shownSim = new float[newCapacity * newCapacity];
        placeHint = new byte[newCapacity * newCapacity];
        norm2 = norm2 == null ? new double[newCapacity] : Arrays.copyOf(norm2, newCapacity);
        norm = norm == null ? new double[newCapacity] : Arrays.copyOf(norm, newCapacity);
        length = length == null ? new int[newCapacity] : Arrays.copyOf(length, newCapacity);
        outsideBound = outsideBound == null ? new double[newCapacity] : Arrays.copyOf(outsideBound, newCapacity);
        touched = new boolean[newCapacity];
        holders = new long[(newCapacity + 63) >>> 6];
        scratchItems = new int[KEPT + newCapacity];
        newPlace = new int[newCapacity];
        bound = bound == null ? new double[newCapacity] : Arrays.copyOf(bound, newCapacity);
        keyOf = new long[newCapacity];
        boundStale = boundStale == null ? new boolean[newCapacity] : Arrays.copyOf(boundStale, newCapacity);
        staleItems = staleItems == null ? new int[newCapacity] : Arrays.copyOf(staleItems, newCapacity);
        orderStale = true;
        poolCount = poolCount == null ? new int[newCapacity] : Arrays.copyOf(poolCount, newCapacity);
        int entries = newCapacity * KEPT;
        entryItems = entryItems == null ? new int[entries] : Arrays.copyOf(entryItems, entries);
        entrySims = entrySims == null ? new double[entries] : Arrays.copyOf(entrySims, entries);
        for (int x = 0; x < newCapacity; x++) {
            for (int p = 0; p < poolCount[x]; p++) {
                setMember(x, entryItems[x * KEPT + p], true);
                if (p < poolSize) {
                    show(x, x * KEPT + p);
                }
            }
        }
    }


    /** The sums over the current interactions, one item's row at a time through the users who have it. */
    private void accumulate() {
        int items = data.itemCount();
        int users = data.userCount();
        int[] colStart = new int[items + 1];
        for (int u = 0; u < users; u++) {
            int[] its = data.rowItems(u);
            for (int t = 0, n = data.rowLength(u); t < n; t++) {
                colStart[its[t] + 1]++;
            }
        }
        for (int i = 0; i < items; i++) {
            colStart[i + 1] += colStart[i];
        }
        int[] colUser = new int[colStart[items]];
        double[] colValue = new double[colStart[items]];
        int[] fill = Arrays.copyOf(colStart, items);
        for (int u = 0; u < users; u++) {
            int[] its = data.rowItems(u);
            for (int t = 0, n = data.rowLength(u); t < n; t++) {
                colValue[fill[its[t]]] = data.rowValues(u)[t];
                colUser[fill[its[t]]++] = u;
            }
        }
        boolean binary = options.measure() == org.recworkbench.similarity.Measure.JACCARD;
        for (int a = 0; a < items; a++) {
            int row = a * capacity;
            for (int q = colStart[a]; q < colStart[a + 1]; q++) {
                int u = colUser[q];
                int[] its = data.rowItems(u);
                double[] vals = data.rowValues(u);
                double x = binary ? 1 : colValue[q];
                norm2[a] += x * x;
                length[a]++;
                for (int t = 0, n = data.rowLength(u); t < n; t++) {
                    int b = its[t];
                    if (b != a) {
                        sums[2 * (row + b)] += x * (binary ? 1 : vals[t]);
                        sums[2 * (row + b) + 1]++;
                    }
                }
            }
            norm[a] = Math.sqrt(norm2[a]);
        }
    }

    @Override
    public String label() {
        return "incremental item-kNN";
    }

    @Override
    public long growthBytes(int items) {
        return items <= capacity ? 0 : memoryBytes(items);
    }

    @Override
    public void reserve(int items) {
        if (items > capacity) {
            allocate(capacityFor(items));
        }
    }

    @Override
    public void itemAdded(int item) {
        if (item >= capacity) {
            allocate(capacityFor(item + 1));
        }
    }

    @Override
    public void applied(int user, int item, double value, double previous) {
        if (item >= capacity) {
            allocate(capacityFor(item + 1));
        }
        loadedUser = -1;
        eventsSinceTightening++;
        boolean fresh = Double.isNaN(previous);
        boolean binary = options.measure() == org.recworkbench.similarity.Measure.JACCARD;
        double now = binary ? 1 : value;
        double before = fresh ? 0 : binary ? 1 : previous;
        double delta = now - before;
        int[] its = data.rowItems(user);
        double[] vals = data.rowValues(user);
        int row = item * capacity;
        for (int t = 0, n = data.rowLength(user); t < n; t++) {
            int j = its[t];
            if (j == item) {
                continue;
            }
            double change = delta * (binary ? 1 : vals[t]);
            int ij = 2 * (row + j);
            int ji = 2 * (j * capacity + item);
            sums[ij] += change;
            sums[ji] += change;
            if (fresh) {
                sums[ij + 1]++;
                sums[ji + 1]++;
            }
        }
        double oldNorm = norm[item];
        norm2[item] += now * now - before * before;
        norm[item] = Math.sqrt(norm2[item]);
        if (fresh) {
            length[item]++;
        }
        if (binary || norm[item] >= oldNorm) {
            refreshFalling(item, user, binary || oldNorm == 0 ? 1 : oldNorm / norm[item]);
        } else {
            refreshAround(item);
        }
    }

    /**
     * The usual event: i's norm (or, for Jaccard, its length) did not fall, so its similarity with every item the
     * user has not rated can only fall (the same dot product and overlap over a larger norm; IEEE arithmetic is
     * monotonic). Such an item where i is not a member stays as it is: its bound still bounds i. So only the pools
     * that hold i and the user's items are offered the new similarity, and i's own pool is chosen from its members
     * and the user's items; the rest of i's row stays under its old bound scaled by the same factor.
     *
     * @param ratio the old norm over the new (1 for Jaccard), by which i's untouched similarities shrank
     */
    private void refreshFalling(int i, int user, double ratio) {
        int items = data.itemCount();
        int[] its = data.rowItems(user);
        int rated = data.rowLength(user);
        for (int t = 0; t < rated; t++) {
            touched[its[t]] = true;
        }
        int words = (items + 63) >>> 6;
        long base = (long) i * capacity;
        copyRow(member, base, items, holders);
        warmHolders(i, words);
        for (int w = 0; w < words; w++) {
            for (long word = holders[w]; word != 0; word &= word - 1) {
                int x = (w << 6) + Long.numberOfTrailingZeros(word);
                if (!touched[x]) {
                    offer(x, i, similarity(i, x));
                }
            }
        }
        warmUserItems(i, its, rated);
        for (int t = 0; t < rated; t++) {
            int x = its[t];
            if (x != i) {
                offer(x, i, similarity(i, x));
            }
        }
        // i's own pool: its members (best first, so the selector's final sort is nearly linear) and the user's items
        int candidates = 0;
        for (int p = 0; p < poolCount[i]; p++) {
            int y = entryItems[i * KEPT + p];
            if (!touched[y]) {
                scratchItems[candidates++] = y;
            }
        }
        for (int t = 0; t < rated; t++) {
            if (its[t] != i) {
                scratchItems[candidates++] = its[t];
            }
        }
        for (int t = 0; t < rated; t++) {
            touched[its[t]] = false;
        }
        for (int t = 0; t < candidates; t++) {
            double sim = similarity(i, scratchItems[t]);
            if (sim > 0) {
                rowHeap.offer(scratchItems[t], sim);
            }
        }
        double outside = outsideBound[i] <= 0 ? 0 : Math.min(outsideBound[i], outsideBound[i] * ratio * (1 + 1e-9));
        int kept = rowHeap.drainInto(KEPT, drainItems, drainSims);
        // only candidates above the outside bound are certainly above every item left out; the rest join those
        int count = Math.min(kept, KEPT);
        while (count > 0 && outside > 0 && !(drainSims[count - 1] > outside)) {
            count--;
        }
        double floor = Math.max(outside, count < kept ? drainSims[count] : 0);
        if (count < poolSize && floor > 0) {
            rebuildPool(i);
            return;
        }
        store(i, count, floor);
    }

    /**
     * From the sums, read along row {@code a} (the pair's sums are kept in both rows, bit for bit the same), with
     * the two items' norms in index order, so both orders give the same bits (as the fit does).
     */
    private double similarity(int a, int b) {
        int at = a * capacity + b;
        int n = (int) sums[2 * at + 1];
        if (n == 0) {
            return 0;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return SimilarityFormula.fromPairSumsAndNorms(options, n, sums[2 * at], norm[lo], norm[hi], length[lo],
                length[hi]);
    }

    /**
     * Reads, for every pool that holds i, the entry where i last stood, before any of them is updated. These loads
     * do not depend on each other, so the processor has many cache misses in flight at once; the updates that
     * follow, each a chain of dependent loads, then find their lines in cache (about a fifth off the event).
     */
    private void warmHolders(int i, int words) {
        int sum = 0;
        long row = (long) i * capacity;
        for (int w = 0; w < words; w++) {
            for (long word = holders[w]; word != 0; word &= word - 1) {
                int x = (w << 6) + Long.numberOfTrailingZeros(word);
                int e = x * KEPT + (placeHint[(int) (row + x)] & 0xff);
                sum += entryItems[e] + (int) entrySims[e];
            }
        }
        // kept, so that the compiler cannot drop the loads
        warmed += sum;
    }

    /** As {@link #warmHolders} for the pools of the user's items: where i last stood, and their last entries. */
    private void warmUserItems(int i, int[] its, int rated) {
        int sum = 0;
        long row = (long) i * capacity;
        for (int t = 0; t < rated; t++) {
            int x = its[t];
            int e = x * KEPT + (placeHint[(int) (row + x)] & 0xff);
            int last = x * KEPT + Math.max(0, poolCount[x] - 1);
            sum += entryItems[e] + (int) entrySims[e] + entryItems[last] + (int) entrySims[last];
        }
        warmed += sum;
    }

    /** Copies {@code length} bits of {@code from}, from bit {@code start}, to the start of {@code to} (by words). */
    static void copyRow(long[] from, long start, int length, long[] to) {
        int shift = (int) (start & 63);
        int first = (int) (start >>> 6);
        int words = (length + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long word = from[first + w] >>> shift;
            if (shift != 0 && first + w + 1 < from.length) {
                word |= from[first + w + 1] << (64 - shift);
            }
            to[w] = word;
        }
        int tail = length & 63;
        if (tail != 0) {
            to[words - 1] &= (1L << tail) - 1;
        }
    }

    /** Item i's pool from scratch, then i's new similarity offered to every other pool. */
    private void refreshAround(int i) {
        int items = data.itemCount();
        for (int x = 0; x < items; x++) {
            if (x == i) {
                continue;
            }
            double s = similarity(i, x);
            if (s > 0) {
                rowHeap.offer(x, s);
            }
            offer(x, i, s);
        }
        storePool(i, rowHeap);
    }

    /**
     * Keeps x's list exact after sim(x, i) became s. Invariant: the members are the best of all candidates, in
     * order, and {@code outsideBound[x]} is at least every positive similarity left outside.
     */
    private void offer(int x, int i, double s) {
        int[] its = entryItems;
        int o = x * KEPT;
        double[] sims = entrySims;
        if (isMember(x, i)) {
            int p = place(x, i);
            int last = poolCount[x] - 1;
            if (s > 0 && s > outsideBound[x] && (p == 0 || better(sims[o + p - 1], its[o + p - 1], s, i))
                    && (p == last || better(s, i, sims[o + p + 1], its[o + p + 1]))) {
                // most changes move a similarity a little and keep its place: update it where it is; a smaller
                // value leaves x's score bound a valid (if looser) bound, so only a larger one marks it
                if (p < k && s > sims[o + p]) {
                    markBoundStale(x);
                }
                putAt(x, p, i, s);
                return;
            }
            if (s > 0 && s > outsideBound[x]) {
                move(x, p, i, s);
                return;
            }
            removeAt(x, p);
            int count = poolCount[x];
            if (s > 0 && s > outsideBound[x]) {
                insert(x, i, s);
            } else if (count == 0 || better(sims[o + count - 1], its[o + count - 1], s, i)) {
                // i now ranks last: the others were above every outsider and still are; i joins the outsiders
                if (s > 0) {
                    outsideBound[x] = Math.max(outsideBound[x], s);
                }
            } else {
                rebuildPool(x);
                return;
            }
        } else {
            if (s <= 0) {
                return;
            }
            int count = poolCount[x];
            boolean beatsLast = count > 0 ? better(s, i, sims[o + count - 1], its[o + count - 1])
                    : s > outsideBound[x];
            if (!beatsLast) {
                outsideBound[x] = Math.max(outsideBound[x], s);
            } else {
                if (count == KEPT) {
                    outsideBound[x] = Math.max(outsideBound[x], sims[o + count - 1]);
                    removeAt(x, count - 1);
                }
                insert(x, i, s);
            }
        }
        if (poolCount[x] < poolSize && outsideBound[x] > 0) {
            rebuildPool(x);
        }
    }

    /**
     * Where member i stands in x's list. Its place when last offered there is kept (row i, read in the same order
     * as the pools that hold i); other members' moves shift it by a place or two, so the search starts there.
     */
    private int place(int x, int i) {
        int[] its = entryItems;
        int o = x * KEPT;
        int count = poolCount[x];
        int h = Math.min(placeHint[(int) ((long) i * capacity + x)] & 0xff, count - 1);
        if (its[o + h] == i) {
            return h;
        }
        for (int d = 1; d <= 3; d++) {
            if (h - d >= 0 && its[o + h - d] == i) {
                return h - d;
            }
            if (h + d < count && its[o + h + d] == i) {
                return h + d;
            }
        }
        int p = 0;
        while (its[o + p] != i) {
            p++;
        }
        return p;
    }

    private static boolean better(double s, int i, double t, int j) {
        return s > t || (s == t && i < j);
    }

    private void removeAt(int x, int p) {
        int count = poolCount[x];
        int o = x * KEPT;
        setMember(x, entryItems[o + p], false);
        if (p < poolSize) {
            setBit(shown, x, entryItems[o + p], false);
            if (count > poolSize) {
                show(x, o + poolSize);
            }
        }
        System.arraycopy(entryItems, o + p + 1, entryItems, o + p, count - p - 1);
        System.arraycopy(entrySims, o + p + 1, entrySims, o + p, count - p - 1);
        // the first k similarities lose one and gain one no larger: the score bound still holds
        poolCount[x] = count - 1;
    }

    /**
     * Moves the member at p to the place its new similarity s earns, shifting only the entries between. The step
     * is nearly always a place or two, so the new place is found by walking from the old one.
     */
    private void move(int x, int p, int i, double s) {
        int[] its = entryItems;
        int o = x * KEPT;
        double[] sims = entrySims;
        int count = poolCount[x];
        if (p > 0 && better(s, i, sims[o + p - 1], its[o + p - 1])) {
            int q = p - 1;
            while (q > 0 && better(s, i, sims[o + q - 1], its[o + q - 1])) {
                q--;
            }
            if (q < poolSize && p >= poolSize) {
                setBit(shown, x, i, true);
                setBit(shown, x, its[o + poolSize - 1], false);
            }
            System.arraycopy(its, o + q, its, o + q + 1, p - q);
            System.arraycopy(sims, o + q, sims, o + q + 1, p - q);
            putAt(x, q, i, s);
            if (q < k) {
                markBoundStale(x);
            }
        } else {
            // it falls: to the last place whose entry it still beats, just before the first entry that beats it
            int q = p;
            while (q + 1 < count && better(sims[o + q + 1], its[o + q + 1], s, i)) {
                q++;
            }
            if (p < poolSize && q >= poolSize) {
                setBit(shown, x, i, false);
                show(x, o + poolSize);
            }
            System.arraycopy(its, o + p + 1, its, o + p, q - p);
            System.arraycopy(sims, o + p + 1, sims, o + p, q - p);
            putAt(x, q, i, s);
        }
    }

    /** Puts member i, similarity s, at place q of x's list, with its place hint and (in the pool) its shown value. */
    private void putAt(int x, int q, int i, double s) {
        int e = x * KEPT + q;
        entryItems[e] = i;
        entrySims[e] = s;
        int pair = (int) ((long) i * capacity + x);
        placeHint[pair] = (byte) q;
        if (q < poolSize) {
            shownSim[pair] = (float) s;
        }
    }

    /** Inserts into a pool with room, in order. */
    private void insert(int x, int i, double s) {
        int[] its = entryItems;
        int o = x * KEPT;
        double[] sims = entrySims;
        int count = poolCount[x];
        // the first place whose entry (s, i) beats; everything before it is better
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (better(s, i, sims[o + mid], its[o + mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int p = lo;
        if (p < poolSize) {
            setBit(shown, x, i, true);
            if (count >= poolSize) {
                setBit(shown, x, its[o + poolSize - 1], false);
            }
        }
        System.arraycopy(its, o + p, its, o + p + 1, count - p);
        System.arraycopy(sims, o + p, sims, o + p + 1, count - p);
        putAt(x, p, i, s);
        poolCount[x] = count + 1;
        if (p < k) {
            markBoundStale(x);
        }
        setMember(x, i, true);
    }

    private void rebuildPool(int x) {
        poolRebuilds++;
        for (int y = 0, items = data.itemCount(); y < items; y++) {
            if (y != x) {
                double s = similarity(x, y);
                if (s > 0) {
                    rebuildHeap.offer(y, s);
                }
            }
        }
        storePool(x, rebuildHeap);
    }

    /** Stores the best poolSize of the collected pool + 1; the one left over bounds what stays outside. */
    private void storePool(int x, PoolSelector heap) {
        store(x, heap.drainInto(KEPT, drainItems, drainSims), 0);
    }

    /**
     * Makes the drained candidates x's list; the one left over, or {@code outsideFloor}, bounds the rest. Each bit
     * lives in its member's row (a cache line of its own), so only the bits of members that came, went or crossed
     * the pool's end are written; the pool's similarities are all written (they changed).
     */
    private void store(int x, int kept, double outsideFloor) {
        int o = x * KEPT;
        int count = Math.min(kept, KEPT);
        for (int p = 0; p < count; p++) {
            newPlace[drainItems[p]] = p + 1;
        }
        for (int q = 0; q < poolCount[x]; q++) {
            int j = entryItems[o + q];
            int p = newPlace[j] - 1;
            if (p < 0) {
                setMember(x, j, false);
            }
            if (q < poolSize && (p < 0 || p >= poolSize)) {
                setBit(shown, x, j, false);
            }
            newPlace[j] = p < 0 ? 0 : -(q < poolSize ? WAS_SHOWN : 1);
        }
        System.arraycopy(drainItems, 0, entryItems, o, count);
        System.arraycopy(drainSims, 0, entrySims, o, count);
        poolCount[x] = count;
        markBoundStale(x);
        outsideBound[x] = Math.max(outsideFloor, kept > KEPT ? drainSims[KEPT] : 0);
        for (int p = 0; p < count; p++) {
            int j = entryItems[o + p];
            if (newPlace[j] > 0) {
                setMember(x, j, true);
            }
            if (p < poolSize) {
                if (newPlace[j] != -WAS_SHOWN) {
                    setBit(shown, x, j, true);
                }
                // its similarity is new either way
                shownSim[(int) ((long) j * capacity + x)] = (float) entrySims[o + p];
            }
            newPlace[j] = 0;
        }
    }

    /** Whether i is in x's list; stored at row i, so checking i against every list reads one row of bits. */
    private boolean isMember(int x, int i) {
        long bit = (long) i * capacity + x;
        return (member[(int) (bit >>> 6)] & (1L << bit)) != 0;
    }

    private void setMember(int x, int i, boolean on) {
        setBit(member, x, i, on);
    }

    /** Marks the entry at {@code e} (of x's list) as in x's pool, with its similarity. */
    private void show(int x, int e) {
        setBit(shown, x, entryItems[e], true);
        shownSim[(int) ((long) entryItems[e] * capacity + x)] = (float) entrySims[e];
    }

    private void setBit(long[] bits, int x, int i, boolean on) {
        long bit = (long) i * capacity + x;
        if (on) {
            bits[(int) (bit >>> 6)] |= 1L << bit;
        } else {
            bits[(int) (bit >>> 6)] &= ~(1L << bit);
        }
    }

    /** The fitted pool's part of x's list. */
    private int visible(int x) {
        return Math.min(poolCount[x], poolSize);
    }

    /**
     * The fitted model's ranking score: for each item, Σ s_ij r_uj over its pool's first k items the user has,
     * with the pool's similarities in single precision as the fitted matrix stores them. A user with at most k
     * items counts every one of them in a pool, so the sum runs the other way, from the user's items to the pools
     * that hold them (a row of membership bits each), instead of over every pool.
     */
    @Override
    public double[] scores(int user) {
        int items = data.itemCount();
        int n = data.rowLength(user);
        int[] its = data.rowItems(user);
        double[] vals = data.rowValues(user);
        double[] scores = new double[items];
        if (n <= k) {
            Arrays.fill(scores, Double.NaN);
            for (int t = 0; t < n; t++) {
                addToPoolsHolding(its[t], vals[t], scores, items);
            }
            return scores;
        }
        loadUser(user);
        double[] row = userRow;
        long[] rated = userBits;
        for (int i = 0; i < items; i++) {
            scores[i] = poolScore(i, row, rated);
        }
        return scores;
    }

    /**
     * Σ s·r over the first k items of x's pool that the user has (in {@code row} and {@code rated}); NaN when none.
     * Branch-free, as the fitted model scores: an unrated item adds exactly 0.0.
     */
    private double poolScore(int x, double[] row, long[] rated) {
        double s = 0;
        int found = 0;
        for (int e = x * KEPT, end = e + visible(x); e < end; e++) {
            int j = entryItems[e];
            s += (double) (float) entrySims[e] * row[j];
            found += (int) ((rated[j >>> 6] >>> j) & 1L);
            if (found == k) {
                break;
            }
        }
        return found == 0 ? Double.NaN : s;
    }

    private void markBoundStale(int x) {
        if (!boundStale[x]) {
            boundStale[x] = true;
            staleItems[staleCount++] = x;
        }
    }

    /**
     * Brings the bounds of changed pools up to date and the order by bound with them. A bound that fell keeps its
     * old (higher) key in the order: an over-estimate still bounds, so the pruning stays exact. A bound that rose
     * moves its key forward (a few per event); everything is sorted again when the order is new or now and then
     * (every {@link #TIGHTEN_EVERY} events), which also drops the over-estimates.
     */
    private void refreshOrder() {
        int items = data.itemCount();
        boolean resort = orderStale || byBound.length != items;
        if (eventsSinceTightening >= TIGHTEN_EVERY) {
            // falling similarities leave bounds valid but loose; recompute all now and then to keep pruning sharp
            eventsSinceTightening = 0;
            resort = true;
            for (int x = 0; x < items; x++) {
                markBoundStale(x);
            }
        }
        for (int t = 0; t < staleCount; t++) {
            int x = staleItems[t];
            boundStale[x] = false;
            double b = 0;
            for (int e = x * KEPT, end = e + Math.min(k, visible(x)); e < end; e++) {
                b += (float) entrySims[e];
            }
            bound[x] = b;
            long raised = key(x);
            if (!resort && raised < keyOf[x]) {
                moveKey(keyOf[x], raised, items);
                keyOf[x] = raised;
            }
        }
        staleCount = 0;
        if (resort) {
            byBound = new long[items];
            for (int x = 0; x < items; x++) {
                keyOf[x] = key(x);
                byBound[x] = keyOf[x];
            }
            Arrays.sort(byBound);
            orderStale = false;
        }
    }

    /** Replaces a key of the order by a smaller one (a higher bound), shifting the keys between. */
    private void moveKey(long old, long raised, int items) {
        int from = Arrays.binarySearch(byBound, 0, items, old);
        int to = -Arrays.binarySearch(byBound, 0, from, raised) - 1;
        System.arraycopy(byBound, to, byBound, to + 1, from - to);
        byBound[to] = raised;
    }

    /** Highest bound first, then lowest index: the bound rounded up (so it stays a bound) above the index. */
    private long key(int x) {
        long bits = (Double.doubleToRawLongBits(bound[x]) + (1L << INDEX_BITS) - 1) >>> INDEX_BITS;
        return ((~bits & ((1L << (64 - INDEX_BITS - 1)) - 1)) << INDEX_BITS) | x;
    }

    private static double boundOf(long key) {
        long bits = ~(key >>> INDEX_BITS) & ((1L << (64 - INDEX_BITS - 1)) - 1);
        return Double.longBitsToDouble(bits << INDEX_BITS);
    }

    /**
     * The n best items without scoring them all: a score is at most r_max · (sum of the item's first k pool
     * similarities), since the i-th neighbour the user has is at most as similar as the pool's i-th. Items are
     * visited by that bound, highest first, until the bound falls below the n-th best score found (about one item
     * in fifteen on MovieLens-1M-shaped data). The result equals ranking {@link #scores}.
     */
    @Override
    public org.recworkbench.algo.ScoredItems top(int user, int n, java.util.function.IntPredicate exclude) {
        int items = data.itemCount();
        int rated = data.rowLength(user);
        if (rated <= k || items >= 1 << INDEX_BITS) {
            return org.recworkbench.algo.ScoredItems.top(scores(user), n, exclude);
        }
        double[] vals = data.rowValues(user);
        double maxRating = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < rated; t++) {
            maxRating = Math.max(maxRating, vals[t]);
        }
        if (!(maxRating > 0)) {
            return org.recworkbench.algo.ScoredItems.top(scores(user), n, exclude);
        }
        refreshOrder();
        loadUser(user);
        double[] row = userRow;
        long[] bits = userBits;
        TopN top = new TopN(n);
        // a hair of slack for rounding: sums in a different order may differ in the last bits
        double slack = 1 + 1e-9;
        for (int t = 0; t < items; t++) {
            long key = byBound[t];
            if (top.size() == n && boundOf(key) * maxRating * slack < top.worstScore()) {
                break;
            }
            int c = (int) (key & ((1L << INDEX_BITS) - 1));
            if (exclude.test(c)) {
                continue;
            }
            double s = poolScore(c, row, bits);
            if (s == s) {
                top.offer(c, s);
            }
        }
        int[] ranked = new int[top.size()];
        double[] scores = new double[top.size()];
        top.drainInto(ranked, scores);
        return new org.recworkbench.algo.ScoredItems(ranked, scores);
    }

    /** Adds s_xj·r to every item x whose visible pool holds j (j's row of {@link #shown} and {@link #shownSim}). */
    private void addToPoolsHolding(int j, double r, double[] scores, int items) {
        long first = (long) j * capacity;
        long last = first + items;
        for (long bit = first; bit < last; ) {
            long word = shown[(int) (bit >>> 6)] >>> (bit & 63);
            if (word == 0) {
                bit = (bit | 63) + 1;
                continue;
            }
            bit += Long.numberOfTrailingZeros(word);
            if (bit >= last) {
                break;
            }
            int x = (int) (bit - first);
            double before = scores[x];
            scores[x] = (before == before ? before : 0) + (double) shownSim[(int) bit] * r;
            bit++;
        }
    }

    @Override
    public int neighbourCount(int item) {
        return item < data.itemCount() ? visible(item) : 0;
    }

    @Override
    public int neighbour(int item, int rank) {
        return entryItems[item * KEPT + rank];
    }

    @Override
    public double similarityAt(int item, int rank) {
        return entrySims[item * KEPT + rank];
    }

    /** The neighbour that adds most to the item's score for the user, as a few words. */
    @Override
    public String why(int user, int item) {
        loadUser(user);
        int best = -1;
        double most = 0;
        int found = 0;
        for (int p = 0, count = visible(item); p < count && found < k; p++) {
            int j = entryItems[item * KEPT + p];
            if (((userBits[j >>> 6] >>> j) & 1L) != 0) {
                found++;
                double part = (float) entrySims[item * KEPT + p] * userRow[j];
                if (best < 0 || part > most) {
                    best = p;
                    most = part;
                }
            }
        }
        if (best < 0) {
            return label();
        }
        int e = item * KEPT + best;
        return "similar to " + data.itemTitle(entryItems[e]) + " (s = " + Math.round(entrySims[e] * 1000) / 1000.0
                + ") among " + found + " neighbours you have";
    }

    /** Puts the user's ratings in {@link #userRow} and {@link #userBits}, clearing the previous user's first. */
    private void loadUser(int user) {
        if (loadedUser == user) {
            return;
        }
        if (userRow.length < capacity) {
            userRow = new double[capacity];
            userBits = new long[(capacity + 63) >>> 6];
        } else {
            for (int t = 0; t < loadedCount; t++) {
                int j = loadedItems[t];
                userRow[j] = 0;
                userBits[j >>> 6] = 0;
            }
        }
        int n = data.rowLength(user);
        if (loadedItems.length < n) {
            loadedItems = new int[Math.max(n, loadedItems.length * 2)];
        }
        int[] its = data.rowItems(user);
        double[] vals = data.rowValues(user);
        for (int t = 0; t < n; t++) {
            int j = its[t];
            userRow[j] = vals[t];
            userBits[j >>> 6] |= 1L << j;
            loadedItems[t] = j;
        }
        loadedCount = n;
        loadedUser = user;
    }

    /** Item x's pool, best first: neighbour indices. */
    public int[] pool(int x) {
        return Arrays.copyOfRange(entryItems, x * KEPT, x * KEPT + visible(x));
    }

    public double[] poolSimilarities(int x) {
        return Arrays.copyOfRange(entrySims, x * KEPT, x * KEPT + visible(x));
    }

    /** The current similarity of two items from the kept sums. */
    public double similarityOf(int a, int b) {
        return a == b ? 1 : similarity(a, b);
    }

    /** The first item whose outside bound is below the similarity of an item left out of its list, or −1 (tests). */
    int firstBrokenBound() {
        for (int x = 0; x < data.itemCount(); x++) {
            for (int y = 0; y < data.itemCount(); y++) {
                if (y != x && !isMember(x, y) && similarity(x, y) > outsideBound[x]) {
                    return x;
                }
            }
        }
        return -1;
    }

    /**
     * The first item whose whole list (margin included) is not the best of all items in order, with exactly the
     * similarities the sums give now, or −1 (tests).
     */
    int firstInexactList() {
        for (int x = 0; x < data.itemCount(); x++) {
            PoolSelector all = new PoolSelector();
            for (int y = 0; y < data.itemCount(); y++) {
                double s = y == x ? 0 : similarity(x, y);
                if (s > 0) {
                    all.offer(y, s);
                }
            }
            int[] items = new int[KEPT + 1];
            double[] sims = new double[KEPT + 1];
            int n = all.drainInto(KEPT, items, sims);
            if (poolCount[x] > n) {
                return x;
            }
            for (int p = 0; p < poolCount[x]; p++) {
                if (entryItems[x * KEPT + p] != items[p] || entrySims[x * KEPT + p] != sims[p]) {
                    return x;
                }
            }
        }
        return -1;
    }

    /** The first item whose {@link #shown} bits differ from the first {@link KnnParams#POOL} of its list, or −1. */
    int firstWrongShownBit() {
        for (int x = 0; x < data.itemCount(); x++) {
            for (int y = 0; y < data.itemCount(); y++) {
                long bit = (long) y * capacity + x;
                boolean on = (shown[(int) (bit >>> 6)] & (1L << bit)) != 0;
                int p = 0;
                while (p < visible(x) && entryItems[x * KEPT + p] != y) {
                    p++;
                }
                if (on != (p < visible(x))) {
                    return x;
                }
            }
        }
        return -1;
    }

    /** How often a pool had to be rebuilt from the sums because a member fell to its outside bound. */
    public long poolRebuilds() {
        return poolRebuilds;
    }
}
