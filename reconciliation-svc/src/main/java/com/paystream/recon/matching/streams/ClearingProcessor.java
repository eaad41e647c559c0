package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.clearing.ClearingCheck;
import com.paystream.recon.matching.clearing.ClearingMove;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The clearing check: one {@link ClearingCheck} per currency in {@link
 * ReconStores#CLEARING_CHECKS}, moved by the ledger's clearing balances and the two legs' shares,
 * all keyed by currency. It forwards nothing: the gauges read the store ({@code ClearingGauges}).
 */
final class ClearingProcessor implements Processor<String, ClearingMove, Void, Void> {

  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, ClearingCheck> checks;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.checks = context.getStateStore(ReconStores.CLEARING_CHECKS);
  }

  @Override
  public void process(Record<String, ClearingMove> record) {
    ClearingMove move = record.value();
    ClearingCheck stored = checks.get(move.currency());
    ClearingCheck check = stored != null ? stored : new ClearingCheck(move.currency());
    if (check.apply(move, context.currentSystemTimeMs())) {
      checks.put(move.currency(), check);
    }
  }
}
