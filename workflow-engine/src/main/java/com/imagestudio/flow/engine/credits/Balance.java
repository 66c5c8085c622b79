package com.imagestudio.flow.engine.credits;

/**
 * An account's credits, derived from the ledger: {@code balance} = grants - charges;
 * {@code reserved} = what running runs still hold; {@code available} = balance - reserved.
 */
public record Balance(Plan plan, int balance, int reserved, int available) {
}
