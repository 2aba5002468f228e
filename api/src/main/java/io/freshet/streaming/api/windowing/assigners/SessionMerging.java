package io.freshet.streaming.api.windowing.assigners;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Merges overlapping time windows: sorted by start, each run of intersecting windows becomes their cover. */
final class SessionMerging {

    private SessionMerging() {}

    static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Long.compare(a.getStart(), b.getStart()));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow window : sorted) {
            if (cover == null) {
                cover = window;
                group.add(window);
            } else if (cover.intersects(window)) {
                cover = cover.cover(window);
                group.add(window);
            } else {
                if (group.size() > 1) {
                    callback.merge(group, cover);
                }
                group = new ArrayList<>();
                group.add(window);
                cover = window;
            }
        }
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }
}
