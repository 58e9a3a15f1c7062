package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;

/** A view's query request, asked of one snapshot: what {@link ProfileControl#answeredProperty()} reports once answered. */
public interface SnapshotRequest {
    /** The snapshot the request is answered from. */
    ProfileSnapshot snapshot();
}
