package io.statussidecar.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Each thread's CPU over a window from two of Logstash's hot-threads answers (SPEC §13). Pure.
 *
 * <p>Logstash reports {@code percent_of_cpu_time} = the thread's CPU time since it started over
 * Logstash's uptime (hot_threads_reporter.rb: {@code cpu.time / uptime}, truncated to 0.01). So a
 * thread's CPU time at a sample is {@code percent / 100 × uptime}, and its CPU within the window is
 * the difference between two samples, over the window. The truncation makes each CPU time exact to
 * 0.0001 × uptime; the window's figure is exact to that over the window ({@link Result#resolutionPercent}):
 * at an uptime of an hour and a 10 s window, ±3.6 % of a core; a day's uptime needs a 60 s window for
 * ±14 %.
 */
public final class ThreadWindow {

    private ThreadWindow() {
    }

    /** One thread in one answer. */
    public record Sample(long id, String name, String state, double lifetimePercent, List<String> traces) {
    }

    /** A thread's CPU within the window ({@code cpuPercent}: 100 = one core) and Logstash's lifetime figure. */
    @RegisterForReflection
    public record Thread(long id, String name, String state, double cpuPercent, double cpuMillis, double lifetimePercent,
            List<String> traces) {
    }

    @RegisterForReflection
    public record Result(long windowMillis, double uptimeMillis, double resolutionPercent, String method,
            List<Thread> threads, int notInBothSamples) {
    }

    static final String METHOD = "CPU time of each thread at the start and the end of the window, each worked out from "
            + "Logstash's percent_of_cpu_time (the thread's CPU time over Logstash's uptime, truncated to 0.01) times the "
            + "uptime; the difference over the window. Exact to resolutionPercent.";

    /** The {@code limit} busiest threads of those in both samples. */
    public static Result of(List<Sample> first, double uptime1, List<Sample> second, double uptime2, long windowMillis,
            int limit) {
        Map<Long, Sample> before = new HashMap<>();
        first.forEach(s -> before.put(s.id(), s));
        List<Thread> threads = new ArrayList<>();
        int missing = 0;
        for (Sample s : second) {
            Sample was = before.get(s.id());
            if (was == null) {
                missing++;
                continue;
            }
            double cpu = Math.max(0, s.lifetimePercent() / 100 * uptime2 - was.lifetimePercent() / 100 * uptime1);
            threads.add(new Thread(s.id(), s.name(), s.state(), round(100 * cpu / windowMillis), Math.round(cpu),
                    s.lifetimePercent(), s.traces()));
        }
        threads.sort(Comparator.comparingDouble(Thread::cpuPercent).reversed());
        double resolution = Math.round(100 * 1e-4 * Math.max(uptime1, uptime2) / windowMillis * 1000) / 1000.0;
        return new Result(windowMillis, Math.round(uptime2), resolution, METHOD,
                List.copyOf(threads.subList(0, Math.min(limit, threads.size()))), missing);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
