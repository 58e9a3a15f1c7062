package dev.vitals.model.query;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.SampleKind;
import dev.vitals.model.ThreadInfo;
import dev.vitals.model.ThreadState;
import dev.vitals.model.internal.ProfileStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadStatesTest {
    private static final long MS = 1_000_000L;

    @Test
    void laterPiecesWinOverTheirSpanAndTheEarlierStateResumes() {
        ProfileStore store = new ProfileStore();
        int thread = store.thread(new ThreadInfo(1, 1, "t", false));
        int park = store.eventType("jdk.ThreadPark", "Java Thread Park", List.of());
        int sleep = store.eventType("jdk.ThreadSleep", "Java Thread Sleep", List.of());
        store.addInterval(0, 100 * MS, thread, -1, park, new Object[0]);
        store.addInterval(200 * MS, 100 * MS, thread, -1, sleep, new Object[0]);
        store.addSample("jdk.ExecutionSample", SampleKind.CPU, 10 * MS, thread, -1, 1);
        store.addSample("jdk.ExecutionSample", SampleKind.CPU, 20 * MS, thread, -1, 1);
        store.commit();
        ProfileSnapshot snapshot = store.snapshot(new RecordingInfo("t", "", "", 0, 400 * MS, 1, Map.of(), List.of()));

        ThreadStates states = ThreadStates.of(snapshot, thread, 0, 400 * MS);
        // samples stand for 20 ms each: running 10..40 inside the park 0..100
        assertThat(states.start()).containsExactly(0, 10 * MS, 40 * MS, 200 * MS);
        assertThat(states.end()).containsExactly(10 * MS, 40 * MS, 100 * MS, 300 * MS);
        assertThat(states.state()).containsExactly(ThreadState.PARKED, ThreadState.RUNNING, ThreadState.PARKED,
                ThreadState.SLEEPING);
        assertThat(states.total(ThreadState.PARKED)).isEqualTo(70 * MS);
        assertThat(states.at(150 * MS)).isNull();

        ThreadLanes lanes = ThreadLanes.compute(snapshot, Selection.cpu(), 0, 400 * MS, 4);
        assertThat(lanes.lanes()).singleElement().satisfies(lane -> {
            assertThat(lane.state(0)).isEqualTo(ThreadState.PARKED);
            assertThat(lane.state(1)).isNull();
            assertThat(lane.state(2)).isEqualTo(ThreadState.SLEEPING);
            assertThat(lane.state(3)).isNull();
        });
    }
}
