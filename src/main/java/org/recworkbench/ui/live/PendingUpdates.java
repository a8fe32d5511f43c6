package org.recworkbench.ui.live;

import org.recworkbench.stream.ReplaySession;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;

/**
 * What the replay thread has produced since the FX thread last looked: new feed rows (only the newest
 * {@link #FEED_CAP} are kept), and the latest snapshot and user list (a newer one replaces an older one). Updates
 * of any session but the current one are dropped. Thread-safe.
 */
final class PendingUpdates {

    static final int FEED_CAP = 500;

    /** Everything since the last drain; {@code rows} oldest first, {@code clearFeed} when they replace the feed. */
    record Batch(List<FeedRow> rows, boolean clearFeed, Snapshot snapshot, UserView user, Boolean looping,
                 boolean ended, Throwable failure) {
    }

    private ReplaySession current;
    private final ArrayDeque<FeedRow> rows = new ArrayDeque<>();
    private boolean clearFeed;
    private Snapshot snapshot;
    private UserView user;
    private Boolean looping;
    private boolean ended;
    private Throwable failure;
    private boolean any;

    /** From now on only updates of this session count. */
    synchronized void reset(ReplaySession session) {
        current = session;
        rows.clear();
        clearFeed = false;
        snapshot = null;
        user = null;
        looping = null;
        ended = false;
        failure = null;
        any = false;
    }

    synchronized void row(ReplaySession s, FeedRow row) {
        if (s == current) {
            rows.addLast(row);
            if (rows.size() > FEED_CAP) {
                rows.removeFirst();
            }
            any = true;
        }
    }

    /** The feed after a jump (a seek): these rows, oldest first, replace it. */
    synchronized void replaceFeed(ReplaySession s, Collection<FeedRow> all) {
        if (s == current) {
            rows.clear();
            rows.addAll(all);
            while (rows.size() > FEED_CAP) {
                rows.removeFirst();
            }
            clearFeed = true;
            any = true;
        }
    }

    synchronized void snapshot(ReplaySession s, Snapshot latest) {
        if (s == current) {
            snapshot = latest;
            any = true;
        }
    }

    synchronized void user(ReplaySession s, UserView latest) {
        if (s == current) {
            user = latest;
            any = true;
        }
    }

    synchronized void looping(ReplaySession s, boolean running) {
        if (s == current) {
            looping = running;
            any = true;
        }
    }

    /** The play loop reached the end of the log. */
    synchronized void ended(ReplaySession s) {
        if (s == current) {
            ended = true;
            any = true;
        }
    }

    synchronized void failure(ReplaySession s, Throwable error) {
        if (s == current) {
            failure = error;
            any = true;
        }
    }

    synchronized boolean isEmpty() {
        return !any;
    }

    /** Everything pending, or null when there is nothing. */
    synchronized Batch drain() {
        if (!any) {
            return null;
        }
        Batch b = new Batch(List.copyOf(rows), clearFeed, snapshot, user, looping, ended, failure);
        rows.clear();
        clearFeed = false;
        snapshot = null;
        user = null;
        looping = null;
        ended = false;
        failure = null;
        any = false;
        return b;
    }
}
