package vn.eiso.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tests' "now". It starts where the run says ({@code eiso.test.now}, a local date-time in the agencies' zone),
 * so no test depends on the day the build runs, and it moves a microsecond at each reading, so that two events
 * still happen one after the other as they would on a real clock, without the machine's speed deciding anything.
 * One instance for the whole JVM: every Spring context of a run shares the same database, so they share one time.
 */
public final class TestClock extends Clock {

    private static volatile TestClock instance;

    private final ZoneId zone;
    private final AtomicLong micros;

    private TestClock(ZoneId zone, AtomicLong micros) {
        this.zone = zone;
        this.micros = micros;
    }

    /** The run's clock, started on first use at the given local date-time. */
    static synchronized TestClock startingAt(LocalDateTime start, ZoneId zone) {
        if (instance == null) {
            instance = new TestClock(zone, new AtomicLong(toMicros(start.atZone(zone).toInstant())));
            System.out.println("The tests' clock starts at " + start + " " + zone);
        }
        return instance;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, micros);
    }

    @Override
    public Instant instant() {
        return Instant.EPOCH.plus(micros.getAndIncrement(), ChronoUnit.MICROS);
    }

    /**
     * Moves the clock to a later local date-time until the returned handle is closed; closing moves it back by the
     * same distance, so the tests after this one see the run's own day again.
     */
    public Moved moveTo(LocalDateTime later) {
        long target = toMicros(later.atZone(zone).toInstant());
        long distance = target - micros.get();
        if (distance < 0) {
            throw new IllegalArgumentException("the test clock only moves forward: " + later);
        }
        micros.addAndGet(distance);
        return () -> micros.addAndGet(-distance);
    }

    /** Moves the clock forward by a duration until the handle is closed. */
    public Moved moveBy(Duration distance) {
        return moveTo(LocalDateTime.ofInstant(instant().plus(distance), zone));
    }

    private static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** A move of the clock that ends when closed. */
    @FunctionalInterface
    public interface Moved extends AutoCloseable {
        @Override
        void close();
    }
}
