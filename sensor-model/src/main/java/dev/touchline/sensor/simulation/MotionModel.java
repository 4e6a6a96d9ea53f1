package dev.touchline.sensor.simulation;

/** Placeholder; filled in by its own change. */
final class MotionModel {
    private final SimulationConfig config;
    private final Roster roster;

    MotionModel(SimulationConfig config, Roster roster) {
        this.config = config;
        this.roster = roster;
    }

    MotionBlock next(int period, long startMicros, int chunkFrames, boolean lookahead) {
        MotionBlock block = new MotionBlock(period, roster.size(), chunkFrames, lookahead);
        for (int f = 0; f < block.frameCount(); f++) {
            block.timeMicros[f] = startMicros + f * MotionBlock.FRAME_MICROS;
            block.frameNumber[f] = config.frameNumber(block.timeMicros[f]);
        }
        return block;
    }
}
