package org.recworkbench.data;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.Arrays;
import java.util.List;

/** Maps external ids (as they appear in source files) to dense indices 0..n-1 and back. Immutable once built. */
public final class IdIndex {

    private final String[] ids;
    private final Object2IntOpenHashMap<String> indexById;

    private IdIndex(String[] ids, Object2IntOpenHashMap<String> indexById) {
        this.ids = ids;
        this.indexById = indexById;
    }

    public static IdIndex of(List<String> ids) {
        Builder builder = new Builder(ids.size());
        for (String id : ids) {
            int before = builder.size();
            if (builder.indexOf(id) != before) {
                throw new IllegalArgumentException("Duplicate id: " + id);
            }
        }
        return builder.build();
    }

    public int size() {
        return ids.length;
    }

    public String id(int index) {
        return ids[index];
    }

    /** The dense index of an external id, or -1 when unknown. */
    public int indexOf(String id) {
        return indexById.getInt(id);
    }

    public List<String> ids() {
        return Arrays.asList(ids.clone());
    }

    /** Assigns indices in order of first appearance. */
    public static final class Builder {
        private final Object2IntOpenHashMap<String> indexById;
        private String[] ids;
        private int size;

        public Builder() {
            this(1024);
        }

        public Builder(int expected) {
            indexById = new Object2IntOpenHashMap<>(Math.max(16, expected));
            indexById.defaultReturnValue(-1);
            ids = new String[Math.max(16, expected)];
        }

        /** The index of {@code id}, adding it when new. */
        public int indexOf(String id) {
            int index = indexById.getInt(id);
            if (index >= 0) {
                return index;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size] = id;
            indexById.put(id, size);
            return size++;
        }

        /** The index of {@code id} or -1, without adding it. */
        public int find(String id) {
            return indexById.getInt(id);
        }

        public int size() {
            return size;
        }

        public String id(int index) {
            return ids[index];
        }

        public IdIndex build() {
            indexById.trim();
            return new IdIndex(Arrays.copyOf(ids, size), indexById);
        }
    }
}
