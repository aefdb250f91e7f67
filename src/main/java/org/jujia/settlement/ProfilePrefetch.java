package org.jujia.settlement;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jujia.catalogue.FundingProfile;

/**
 * Reads the funding profiles of a run's elder-months ahead of the pricing stream, on two threads and at most
 * {@link #WINDOW} ahead: a profile is a few database reads (and an audit entry), so fetching them one by one while
 * the stream waits would dominate a large month. Keys are handed out in the stream's order (elder, month); a key the
 * list did not foresee (a visit received meanwhile) is loaded directly.
 */
final class ProfilePrefetch implements AutoCloseable {

    static final int WINDOW = 256;

    record Key(long elderId, YearMonth month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(elderId, o.elderId);
            return c != 0 ? c : month.compareTo(o.month);
        }
    }

    private final List<Key> keys;
    private final Function<Key, FundingProfile> loader;
    private final ExecutorService pool;
    private final ArrayDeque<Future<FundingProfile>> window = new ArrayDeque<>();
    private int next;
    private int submitted;

    ProfilePrefetch(List<Key> keys, Function<Key, FundingProfile> loader, int threads) {
        this.keys = keys;
        this.loader = loader;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "settlement-profiles");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    private void fill() {
        while (submitted < keys.size() && submitted - next < WINDOW) {
            Key k = keys.get(submitted++);
            window.add(pool.submit(() -> loader.apply(k)));
        }
    }

    FundingProfile get(Key k) {
        while (next < keys.size() && keys.get(next).compareTo(k) < 0) {
            window.poll();
            next++;
        }
        FundingProfile out;
        if (next < keys.size() && keys.get(next).equals(k)) {
            Future<FundingProfile> f = window.poll();
            next++;
            try {
                out = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        } else {
            out = loader.apply(k);
        }
        fill();
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
