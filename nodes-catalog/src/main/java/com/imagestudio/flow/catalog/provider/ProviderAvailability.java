package com.imagestudio.flow.catalog.provider;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which providers have an API key where the graph will run. The engine builds it from its
 * configuration and hands it to the validator; the catalog stays free of environment reads.
 */
public final class ProviderAvailability {

    private static final ProviderAvailability UNCHECKED = new ProviderAvailability(null);

    /** Null: availability is not checked (every provider is assumed present). */
    private final Set<Provider> configured;

    private ProviderAvailability(Set<Provider> configured) {
        this.configured = configured;
    }

    public static ProviderAvailability of(Set<Provider> configured) {
        return new ProviderAvailability(configured.isEmpty() ? EnumSet.noneOf(Provider.class) : EnumSet.copyOf(configured));
    }

    public static ProviderAvailability none() {
        return of(Set.of());
    }

    /** No check at all: for designing graphs where the keys of the runtime are not known. */
    public static ProviderAvailability unchecked() {
        return UNCHECKED;
    }

    public boolean isConfigured(Provider provider) {
        return configured == null || configured.contains(provider);
    }

    /**
     * Why a node needing any of {@code needed} cannot run here, or empty if it can. The message
     * names the environment variable(s) to set.
     */
    public Optional<String> problemWith(Set<Provider> needed) {
        if (needed.isEmpty() || needed.stream().anyMatch(this::isConfigured)) {
            return Optional.empty();
        }
        List<Provider> sorted = needed.stream().sorted().toList();
        if (sorted.size() == 1) {
            Provider p = sorted.get(0);
            return Optional.of(p.displayName() + " is not configured: set " + p.envVariable());
        }
        return Optional.of("no provider for this node is configured ("
                + String.join(", ", sorted.stream().map(Provider::displayName).toList())
                + "): set one of " + String.join(", ", sorted.stream().map(Provider::envVariable).toList()));
    }
}
