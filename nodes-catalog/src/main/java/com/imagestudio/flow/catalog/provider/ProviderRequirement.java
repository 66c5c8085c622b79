package com.imagestudio.flow.catalog.provider;

import com.imagestudio.flow.catalog.schema.ParamValues;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which providers a node needs, from its checked parameters: any one of the returned providers
 * is enough (a node that picks a provider automatically returns all it can use). Empty for a node
 * that calls no provider.
 */
@FunctionalInterface
public interface ProviderRequirement {

    Set<Provider> anyOf(ParamValues params);

    static ProviderRequirement none() {
        return params -> Set.of();
    }

    static ProviderRequirement fixed(Provider provider) {
        return params -> EnumSet.of(provider);
    }
}
