package org.recworkbench.stream;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The interactions as they stand now: the training data plus every applied event, one growable row per user. Users
 * and items of the training data keep their indices; new ones are appended. Not thread-safe: the service guards it.
 */
public final class LiveData {

    private final Dataset base;
    private final Object2IntOpenHashMap<String> newUsers = new Object2IntOpenHashMap<>();
    private final Object2IntOpenHashMap<String> newItems = new Object2IntOpenHashMap<>();
    private final List<String> userIds = new ArrayList<>();
    private final List<String> itemIds = new ArrayList<>();
    private final List<String> itemTitles = new ArrayList<>();
    private final List<String> itemTexts = new ArrayList<>();
    private final List<org.recworkbench.algo.NewItem> added = new ArrayList<>();
    private int[][] rowItems;
    private double[][] rowValues;
    private int[] rowLength;
    private int users;
    private int[] itemCounts;
    private int items;

    public LiveData(Dataset base) {
        this.base = base;
        newUsers.defaultReturnValue(-1);
        newItems.defaultReturnValue(-1);
        RatingMatrix r = base.ratings();
        users = base.userCount();
        items = base.itemCount();
        rowItems = new int[users + 16][];
        rowValues = new double[users + 16][];
        rowLength = new int[users + 16];
        itemCounts = new int[items + 16];
        for (int u = 0; u < users; u++) {
            int n = r.rowLength(u);
            rowItems[u] = new int[Math.max(4, n + n / 4)];
            rowValues[u] = new double[rowItems[u].length];
            for (int t = 0, p = r.rowStart(u); t < n; t++, p++) {
                rowItems[u][t] = r.rowItem(p);
                rowValues[u][t] = r.rowValue(p);
                itemCounts[r.rowItem(p)]++;
            }
            rowLength[u] = n;
        }
    }

    public Dataset base() {
        return base;
    }

    public int userCount() {
        return users;
    }

    public int itemCount() {
        return items;
    }

    /** The user's index, or -1 when neither trained on nor seen since. */
    public int userIndex(String id) {
        int u = base.users().indexOf(id);
        return u >= 0 ? u : newUsers.getInt(id);
    }

    public int itemIndex(String id) {
        int i = base.items().indexOf(id);
        return i >= 0 ? i : newItems.getInt(id);
    }

    public String userId(int user) {
        return user < base.userCount() ? base.users().id(user) : userIds.get(user - base.userCount());
    }

    public String itemId(int item) {
        return item < base.itemCount() ? base.items().id(item) : itemIds.get(item - base.itemCount());
    }

    public String itemTitle(int item) {
        String t = item < base.itemCount() ? base.catalog().title(item) : itemTitles.get(item - base.itemCount());
        return t.isEmpty() ? itemId(item) : t;
    }

    public String itemText(int item) {
        return item < base.itemCount() ? base.catalog().text(item) : itemTexts.get(item - base.itemCount());
    }

    /** Items added since the training data, in index order, with their title and text as one text. */
    public List<org.recworkbench.algo.NewItem> newItems() {
        return java.util.Collections.unmodifiableList(added);
    }

    /** The index of a user, appended when new. */
    public int addUser(String id) {
        int u = userIndex(id);
        if (u >= 0) {
            return u;
        }
        if (users == rowLength.length) {
            int capacity = users + users / 2 + 16;
            rowItems = Arrays.copyOf(rowItems, capacity);
            rowValues = Arrays.copyOf(rowValues, capacity);
            rowLength = Arrays.copyOf(rowLength, capacity);
        }
        rowItems[users] = new int[4];
        rowValues[users] = new double[4];
        userIds.add(id);
        newUsers.put(id, users);
        return users++;
    }

    /** The index of an item, appended (with its title and text) when new. */
    public int addItem(String id, String title, String text) {
        int i = itemIndex(id);
        if (i >= 0) {
            return i;
        }
        if (items == itemCounts.length) {
            itemCounts = Arrays.copyOf(itemCounts, items + items / 2 + 16);
        }
        itemIds.add(id);
        itemTitles.add(title == null ? "" : title);
        itemTexts.add(text == null ? "" : text);
        newItems.put(id, items);
        added.add(new org.recworkbench.algo.NewItem(id, ((title == null ? "" : title) + " " + (text == null ? ""
                : text)).strip()));
        return items++;
    }

    /**
     * Sets the user's value for the item (the last value counts, as in the store).
     *
     * @return the previous value, or NaN when the pair is new
     */
    public double set(int user, int item, double value) {
        int[] its = rowItems[user];
        int n = rowLength[user];
        for (int t = 0; t < n; t++) {
            if (its[t] == item) {
                double previous = rowValues[user][t];
                rowValues[user][t] = value;
                return previous;
            }
        }
        if (n == its.length) {
            rowItems[user] = Arrays.copyOf(its, n + n / 2 + 4);
            rowValues[user] = Arrays.copyOf(rowValues[user], n + n / 2 + 4);
        }
        rowItems[user][n] = item;
        rowValues[user][n] = value;
        rowLength[user] = n + 1;
        itemCounts[item]++;
        return Double.NaN;
    }

    public int rowLength(int user) {
        return rowLength[user];
    }

    /** The user's items in the order they arrived (training data first); only the first rowLength are valid. */
    public int[] rowItems(int user) {
        return rowItems[user];
    }

    public double[] rowValues(int user) {
        return rowValues[user];
    }

    /** The user's value for the item, or NaN. */
    public double value(int user, int item) {
        int[] its = rowItems[user];
        for (int t = 0, n = rowLength[user]; t < n; t++) {
            if (its[t] == item) {
                return rowValues[user][t];
            }
        }
        return Double.NaN;
    }

    /** Users who interacted with the item. */
    public int itemCount(int item) {
        return itemCounts[item];
    }

    /** Items the user has interacted with, as flags over all live items. */
    public boolean[] seen(int user) {
        boolean[] seen = new boolean[items];
        for (int t = 0, n = rowLength[user]; t < n; t++) {
            seen[rowItems[user][t]] = true;
        }
        return seen;
    }
}
