package io.statussidecar.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@code logstash-plain.log} as Logstash 8 writes it with its default log4j2 configuration: the
 * start-up lines, then now and then an INFO, WARN or ERROR entry (an output that cannot reach Splunk,
 * a grok timeout, a connection reset with its Java stack trace), all in the plain layout
 * {@code [time][LEVEL][logger][pipeline][plugin] message}. The file rolls over as log4j2's size policy
 * does it (to {@code logstash-plain-<date>-<n>.log.gz}), and on request a plugin restarts in a loop,
 * with the message of {@code worker-error} in {@code logstash-core/locales/en.yml}. What it writes is
 * seeded, so a run looks the same each time; development mode and tests point the sidecar at it.
 */
public final class LogWriter implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ROLLED = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** Rolled files kept beside the live one (log4j2's {@code DefaultRolloverStrategy max}). */
    static final int KEEP = 3;

    private final Path file;
    private final long rollAtBytes;
    private final SplittableRandom random = new SplittableRandom(7);
    private ScheduledExecutorService timer;
    private volatile boolean restartLoop;
    private int rolled;

    public LogWriter(Path file, long rollAtBytes) {
        this.file = file;
        this.rollAtBytes = rollAtBytes;
    }

    public Path file() {
        return file;
    }

    /** Writes Logstash's start-up, then an entry or none every {@code everyMillis}. */
    public synchronized LogWriter start(long everyMillis) {
        startup();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "logstash-simulator-log");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The udp input fails to bind and restarts every tick: {@code plugin_restarting} after the third. */
    public void restartLoop(boolean on) {
        restartLoop = on;
    }

    /** Logstash (re)started: the lines it writes before its pipelines run. */
    public synchronized void startup() {
        append(List.of(
                entry("INFO ", "logstash.runner", null, null, "Log4j configuration path used is: /usr/share/logstash/config/log4j2.properties"),
                entry("INFO ", "logstash.runner", null, null, "Starting Logstash {\"logstash.version\"=>\"" + AviatrixModel.VERSION
                        + "\", \"jruby.version\"=>\"jruby 9.4.8.0 (3.1.4) 2024-07-02 4d41e55a67 OpenJDK 64-Bit Server VM 17.0.12+7 on 17.0.12+7 +indy +jit [x86_64-linux]\"}"),
                entry("INFO ", "logstash.agent", null, null, "Successfully started Logstash API endpoint {:port=>9600, :ssl_enabled=>false}"),
                entry("INFO ", "logstash.javapipeline", AviatrixModel.PIPELINE, null, "Starting pipeline {:pipeline_id=>\"main\", "
                        + "\"pipeline.workers\"=>" + AviatrixModel.WORKERS + ", \"pipeline.batch.size\"=>" + AviatrixModel.BATCH_SIZE
                        + ", \"pipeline.batch.delay\"=>50, \"pipeline.max_inflight\"=>500, \"pipeline.sources\"=>[\""
                        + AviatrixModel.CONFIG_FILE + "\"], :thread=>\"#<Thread:0x5b2a1c3 run>\"}"),
                entry("INFO ", "logstash.javapipeline", AviatrixModel.PIPELINE, null, "Pipeline started {\"pipeline.id\"=>\"main\"}"),
                entry("INFO ", "logstash.inputs.udp", AviatrixModel.PIPELINE, AviatrixModel.INPUT_ID, "Starting UDP listener {:address=>\"0.0.0.0:5000\"}"),
                entry("INFO ", "logstash.agent", null, null, "Pipelines running {:count=>1, :running_pipelines=>[:main], :non_running_pipelines=>[]}")));
    }

    /** One step of Logstash's life: mostly quiet, sometimes a line, rarely a stack trace. */
    public synchronized void tick() {
        if (restartLoop) {
            append(restart());
        }
        int roll = random.nextInt(100);
        if (roll < 20) {
            append(List.of(entry("INFO ", "logstash.outputs.http", AviatrixModel.PIPELINE, "splunk-microseg",
                    "Retrying request to https://splunk.example.internal:8088/services/collector after a timeout {:attempt=>1}")));
        } else if (roll < 32) {
            append(List.of(entry("WARN ", "logstash.outputs.http", AviatrixModel.PIPELINE, "splunk-fqdn",
                    "Could not fetch URL {:url=>\"https://splunk.example.internal:8088/services/collector\", :method=>:post, "
                            + ":headers=>{\"Content-Type\"=>\"application/json\", \"Authorization\"=>\"Splunk 5f3a1b7c-aaaa-4bbb-8ccc-0123456789ab\"}, "
                            + ":message=>\"Read timed out\", :class=>\"Manticore::SocketTimeout\", :will_retry=>true}")));
        } else if (roll < 40) {
            append(List.of(entry("WARN ", "logstash.filters.grok", AviatrixModel.PIPELINE, "microseg",
                    "Timeout executing grok '%{SYSLOGTIMESTAMP:ts} %{HOSTNAME:gw} %{GREEDYDATA:rest}' against field 'message' "
                            + "with value 'Value too large to output (3412 bytes)! First 255 chars are: <134>Nov 30 10:00:01 gw-prod-1 AviatrixGwMicrosegPacket: ...'")));
        } else if (roll < 43) {
            append(List.of(entry("ERROR", "logstash.inputs.udp", AviatrixModel.PIPELINE, AviatrixModel.INPUT_ID,
                    "Exception in inputworker {\"exception\"=>\"Connection reset by peer\", \"backtrace\"=>[]}"),
                    "java.io.IOException: Connection reset by peer",
                    "\tat sun.nio.ch.SocketDispatcher.read0(Native Method) ~[?:?]",
                    "\tat sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47) ~[?:?]",
                    "\tat sun.nio.ch.IOUtil.readIntoNativeBuffer(IOUtil.java:330) ~[?:?]",
                    "\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:569) ~[netty-transport-4.1.109.Final.jar:4.1.109.Final]",
                    "\tat java.lang.Thread.run(Thread.java:840) [?:?]"));
        }
    }

    private List<String> restart() {
        return List.of(entry("ERROR", "logstash.javapipeline", AviatrixModel.PIPELINE, AviatrixModel.INPUT_ID,
                "A plugin had an unrecoverable error. Will restart this plugin."),
                "  Pipeline_id:main",
                "  Plugin: <LogStash::Inputs::Udp port=>5000, id=>\"" + AviatrixModel.INPUT_ID
                        + "\", enable_metric=>true, codec=><LogStash::Codecs::Plain id=>\"plain_1\", enable_metric=>true, charset=>\"UTF-8\">, "
                        + "host=>\"0.0.0.0\", workers=>2, batch_size=>10, queue_size=>2000>",
                "  Error: Address already in use",
                "  Exception: Java::JavaNet::BindException",
                "  Stack: sun.nio.ch.Net.bind0(Native Method)",
                "sun.nio.ch.Net.bind(sun/nio/ch/Net.java:555)",
                "sun.nio.ch.DatagramChannelImpl.bindInternal(sun/nio/ch/DatagramChannelImpl.java:1194)");
    }

    private static String entry(String level, String logger, String pipeline, String plugin, String message) {
        StringBuilder b = new StringBuilder("[").append(TIME.format(Instant.now())).append("][").append(level).append("][")
                .append(String.format("%-25s", logger)).append(']');
        if (pipeline != null) {
            b.append('[').append(pipeline).append(']');
        }
        if (plugin != null) {
            b.append('[').append(plugin).append(']');
        }
        return b.append(' ').append(message).toString();
    }

    private void append(List<String> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file) && Files.size(file) >= rollAtBytes) {
                roll();
            }
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated Logstash cannot write " + file, e);
        }
    }

    /** The live file is compressed to the next name and a new one begun, as log4j2 rolls over. */
    public synchronized void roll() {
        try {
            if (!Files.exists(file)) {
                return;
            }
            rolled++;
            String base = file.getFileName().toString().replaceFirst("\\.log$", "");
            Path target = file.resolveSibling(base + "-" + ROLLED.format(Instant.now()) + "-" + rolled + ".log.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
                Files.copy(file, out);
            }
            Files.delete(file);
            Path old = file.resolveSibling(base + "-" + ROLLED.format(Instant.now()) + "-" + (rolled - KEEP) + ".log.gz");
            Files.deleteIfExists(old);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated Logstash cannot roll " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
