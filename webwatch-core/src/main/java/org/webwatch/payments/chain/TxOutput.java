package org.webwatch.payments.chain;

/** Output of a transaction: value in satoshis and the classified script. */
public record TxOutput(long valueSat, OutputScript script) {}
