package dev.touchline.cli.demo;

import dev.touchline.cli.demo.pipeline.DemoPipeline;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/** Progress bars on stderr, one per task. */
final class BarProgress implements DemoPipeline.Progress {
    private @Nullable ProgressBar bar;

    @Override
    public void start(String task, long max) {
        done();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void step() {
        ProgressBar b = bar;
        if (b != null) {
            b.step();
        }
    }

    @Override
    public void done() {
        ProgressBar b = bar;
        if (b != null) {
            b.close();
            bar = null;
        }
    }
}
