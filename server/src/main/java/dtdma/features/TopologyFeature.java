package dtdma.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dtdma.devlink.DevlinkSettings;
import dtdma.devlink.Scenario;
import dtdma.devlink.Simulation;
import dtdma.devlink.Topology;
import dtdma.dma.DmaModel;
import dtdma.sdma.SdmaModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the device-link simulator on a board: boot, then the events of an optional scenario, with a topology
 * snapshot after each step. Shared by {@code dtdma topology} and the requests {@code dtdma/topology} and
 * {@code dtdma/simulate}, so both print the same graph.
 */
public final class TopologyFeature {
    /** The steps (boot first) and the topology after each. */
    public record Run(List<Simulation.Step> steps, List<Topology> snapshots) {
        public Run {
            steps = List.copyOf(steps);
            snapshots = List.copyOf(snapshots);
        }

        /** The state after the last step. */
        public Topology last() {
            return snapshots.get(snapshots.size() - 1);
        }

        /**
         * The JSON the CLI prints with {@code --format json}: the last topology, plus {@code steps} (each with
         * {@code step}, {@code result}, {@code trace} and {@code state}) when a scenario ran.
         */
        public JsonObject json(boolean withSteps) {
            JsonObject o = last().json();
            if (withSteps) {
                o.add("steps", stepsJson());
            }
            return o;
        }

        /** Every step with its result, kernel-call trace and the state after it. */
        public JsonArray stepsJson() {
            JsonArray arr = new JsonArray();
            for (int i = 0; i < steps.size(); i++) {
                JsonObject s = new JsonObject();
                s.addProperty("step", steps.get(i).label());
                s.addProperty("result", steps.get(i).result());
                JsonArray tr = new JsonArray();
                steps.get(i).trace().forEach(tr::add);
                s.add("trace", tr);
                s.add("state", snapshots.get(i).json());
                arr.add(s);
            }
            return arr;
        }
    }

    private TopologyFeature() {
    }

    /**
     * Runs the simulator on an analysed board for a request: {@code base} overridden by {@code mode} (a mode name,
     * or {@code fw_devlink-strict}), {@code strict}, the simulator's setting words and the scenario's own settings.
     *
     * @param scenarioJson the scenario text, or null for boot only
     * @throws IllegalArgumentException on a bad mode, setting word, scenario or event
     */
    public static Run run(dtdma.workspace.Analysis a, String mode, Boolean strict, String words,
            String scenarioJson) {
        Scenario scenario = scenarioJson == null ? null : Scenario.parse(scenarioJson);
        DevlinkSettings s = a.devlinkSettings();
        if (scenario != null && scenario.settings() != null) {
            words = (words == null ? "" : words + " ") + scenario.settings();
        }
        if (words != null) {
            DevlinkSettings x = DevlinkSettings.parse(words);
            s = new DevlinkSettings(s.mode(), s.fwDevlinkStrict(), s.customFlags(), s.customToChannel(),
                    s.frankLegalRpmActive() || x.frankLegalRpmActive(), s.channelPm() || x.channelPm(),
                    s.controllerPm() || x.controllerPm(), x.irqSafe(), x.requests(), x.lateRequest(), x.mandatory(),
                    x.autosuspendMs());
        }
        if (mode != null) {
            s = DevlinkSettings.isStrictName(mode) ? s.withMode(dtdma.devlink.Mode.NONE).withStrict(true)
                    : s.withMode(dtdma.devlink.Mode.parse(mode)).withStrict(false);
        }
        if (strict != null) {
            s = s.withStrict(strict);
        }
        return run(a.dma(), a.sdma(), s, scenario, a.root().getFileName().toString());
    }

    /**
     * Boots the board and runs the scenario's events (none when null).
     *
     * @throws IllegalArgumentException when an event names an unknown device or op
     */
    public static Run run(DmaModel dma, SdmaModel sdma, DevlinkSettings settings, Scenario scenario, String title) {
        Simulation sim = new Simulation(dma, sdma, settings);
        sim.boot();
        List<Topology> snaps = new ArrayList<>();
        List<Simulation.Step> steps = new ArrayList<>();
        snaps.add(Topology.of(sim, title + " after boot"));
        steps.add(sim.steps().get(0));
        if (scenario != null) {
            for (Simulation.Event e : scenario.events()) {
                steps.add(sim.apply(e));
                snaps.add(Topology.of(sim, title + " after " + steps.get(steps.size() - 1).label()));
            }
        }
        return new Run(steps, snaps);
    }
}
