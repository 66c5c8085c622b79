package com.imagestudio.flow.activities.nodes.social;

/**
 * Chooses where a crop window goes along the one axis it can slide on: the offset whose window
 * holds the most salient mass, among the offsets that keep every face inside when there are any.
 */
final class CropWindow {

    private CropWindow() {
    }

    /** A span that must stay inside the window: the faces, in profile units. */
    record Span(int start, int end) {
    }

    /**
     * @param profile salient mass per position along the free axis
     * @param window  the window's length in the same units (at most the profile's length)
     * @param keep    what must stay inside, or null; when it cannot fit, it is ignored
     * @return the window's start
     */
    static int bestOffset(float[] profile, int window, Span keep) {
        int last = Math.max(0, profile.length - window);
        int from = 0;
        int to = last;
        if (keep != null && keep.end() - keep.start() <= window) {
            from = Math.max(0, keep.end() - window);
            to = Math.min(last, keep.start());
        }
        double[] prefix = new double[profile.length + 1];
        for (int i = 0; i < profile.length; i++) {
            prefix[i + 1] = prefix[i] + profile[i];
        }
        int best = from;
        double bestMass = -1;
        double centre = last / 2.0;
        for (int offset = from; offset <= to; offset++) {
            double mass = prefix[Math.min(profile.length, offset + window)] - prefix[offset];
            // on a tie (a flat picture) prefer the window nearest the centre
            if (mass > bestMass + 1e-6 || (Math.abs(mass - bestMass) <= 1e-6
                    && Math.abs(offset - centre) < Math.abs(best - centre))) {
                best = offset;
                bestMass = mass;
            }
        }
        return best;
    }
}
