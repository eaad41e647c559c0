package com.paystream.ledger.config;

import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.platform.money.FeeSchedule;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code paystream.ledger.*}: fees, business calendar, consumer retry and outbox tuning. Every
 * value can be overridden from the environment (e.g. {@code PAYSTREAM_LEDGER_CALENDAR_ZONE}).
 */
@ConfigurationProperties("paystream.ledger")
public record LedgerProperties(
    @DefaultValue Fees fees,
    @DefaultValue Calendar calendar,
    @DefaultValue Retry retry,
    @DefaultValue Outbox outbox,
    @DefaultValue DayClose dayClose,
    @DefaultValue Seal seal,
    @DefaultValue Fence fence) {

  /**
   * Instances fence each other per partition (issue 17). {@code idleInTransactionTimeout} is how
   * long a booking transaction may sit idle between its statements before PostgreSQL ends its
   * session: an instance frozen in the middle of a batch holds its partitions' owner rows, and the
   * instance that takes them over waits at most this long. Set in each booking transaction only, so
   * the outbox publisher (which keeps its transaction open while the broker acknowledges) and the
   * day close are not affected. 0 disables it.
   */
  public record Fence(@DefaultValue("10s") Duration idleInTransactionTimeout) {}

  /**
   * The Ed25519 keys of the day seals: the private key that signs ({@code privateKey}, PKCS#8 as
   * PEM or base64, or {@code privateKeyFile}, a file holding it: pass it from a secret, never from
   * committed configuration) and the public keys that verify ({@code publicKeys}, X.509 as PEM or
   * base64; keep old ones after a rotation). Neither set: a key pair is generated at startup and a
   * warning logged (tests, a first local run); seals signed with it cannot be verified after a
   * restart.
   */
  public record Seal(String privateKey, String privateKeyFile, List<String> publicKeys) {
    @Override
    public String toString() {
      return "Seal[privateKey="
          + (privateKey == null ? "unset" : "***")
          + ", privateKeyFile="
          + privateKeyFile
          + ", publicKeys="
          + publicKeys
          + "]";
    }
  }

  /** A merchant's fee: basis points of the amount plus a fixed part in minor units. */
  public record Fee(@DefaultValue("0") long basisPoints, @DefaultValue("0") long fixedMinor) {
    FeeSchedule schedule() {
      return new FeeSchedule(basisPoints, fixedMinor);
    }
  }

  /** The default fee and the merchants with their own. */
  public record Fees(@Name("default") @DefaultValue Fee defaultFee, Map<String, Fee> merchants) {
    public FeePolicy policy() {
      Map<String, FeeSchedule> perMerchant = new HashMap<>();
      if (merchants != null) {
        merchants.forEach((merchant, fee) -> perMerchant.put(merchant, fee.schedule()));
      }
      return new FeePolicy(defaultFee.schedule(), perMerchant);
    }
  }

  /** Business dates end at {@code cutoff} local time in {@code zone} (00:00: calendar days). */
  public record Calendar(
      @DefaultValue("UTC") ZoneId zone, @DefaultValue("00:00") LocalTime cutoff) {
    public BusinessCalendar businessCalendar() {
      return new BusinessCalendar(zone, cutoff);
    }
  }

  /**
   * Blocking retry of a batch after a transient failure: exponential from {@code initialInterval}
   * up to {@code maxInterval}, for as long as it takes (a database outage stalls the consumer, it
   * never skips records).
   */
  public record Retry(
      @DefaultValue("200ms") Duration initialInterval, @DefaultValue("10s") Duration maxInterval) {}

  /**
   * Closes every business date whose cutoff passed, checked every {@code checkInterval}. {@code
   * allowEarly} lets an operator end the current business date before its cutoff; off by default,
   * as a date normally ends at its cutoff and ending one early is a deliberate operator action.
   */
  public record DayClose(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("60s") Duration checkInterval,
      @DefaultValue("false") boolean allowEarly) {}

  /** The outbox publisher that ships entries, cashflow and dead letters to Kafka. */
  public record Outbox(
      @DefaultValue("true") boolean enabled,
      // Outbox rows per publisher round; a bundle row holds up to 1,000 records.
      @DefaultValue("20") int batchSize,
      @DefaultValue("2s") Duration pollInterval,
      @DefaultValue("1s") Duration errorBackoff) {}
}
