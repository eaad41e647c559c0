package com.paystream.local.scenario;

import com.paystream.local.demo.DemoProvider;
import com.paystream.simulator.BankLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * A merchant payout, part of the settlement: an operator sets a merchant's payout bank details and
 * a second operator approves them; the operator pays out part of what the merchant earned today
 * (the ledger holds it on the merchant's account); our bank books the outgoing transfer on the
 * statement the provider's payouts arrive on; reconciliation confirms it and the ledger captures
 * the hold: the merchant's account is debited and bank cash credited.
 */
final class MerchantPayouts {

  /** The merchant paid out, when it earned something in {@link #CURRENCIES}' first currency. */
  static final String MERCHANT = DemoProvider.MERCHANT_ID;

  /** A test IBAN (ISO 13616 check digits valid); the ledger shows it masked, DE89 **** 3000. */
  static final String IBAN = "DE89370400440532013000";

  /**
   * The most the scenario pays out: half the ledger's four-eyes threshold for payouts ({@code
   * paystream.ledger.payouts.four-eyes-above-minor}, 100000 in the local stack), so the operator's
   * request places the hold at once; the four eyes of this phase are on the bank details, which
   * always need them.
   */
  static final long MAX_AMOUNT_MINOR = 50_000;

  /** The share of the merchant's available balance paid out: a tenth. */
  static final long SHARE_DIVISOR = 10;

  private static final List<String> CURRENCIES = DayPlan.CURRENCIES;
  private static final Set<String> CAPTURED = Set.of("CAPTURED", "PARTIALLY_CAPTURED");
  private static final Set<String> FINAL =
      Set.of("CAPTURED", "PARTIALLY_CAPTURED", "RELEASED", "RETURNED", "REJECTED", "EXPIRED");

  private final ScenarioRun run;
  private final String runId;

  /**
   * @param runId tells this run's idempotency key apart from earlier runs'
   */
  MerchantPayouts(ScenarioRun run, String runId) {
    this.run = run;
    this.runId = runId;
  }

  /** A payout the ledger holds, and what the scenario knew before it. */
  record Requested(
      String payoutId,
      String merchantId,
      String currency,
      long amountMinor,
      long balanceBeforeMinor,
      String bankAccount,
      String detailsRequestedBy,
      String detailsApprovedBy,
      boolean payoutApproved) {

    String account() {
      return "merchant:" + merchantId + ":" + currency;
    }
  }

  /**
   * Sets the bank details (four eyes) of the first demo merchant with money in a currency, and
   * requests a payout of a tenth of its available balance, at most {@link #MAX_AMOUNT_MINOR}; empty
   * when no merchant has earned anything.
   */
  Optional<Requested> request() {
    Optional<Earner> earner = earner();
    if (earner.isEmpty()) {
      return Optional.empty();
    }
    String merchant = earner.get().merchantId();
    String currency = earner.get().currency();
    long available = earner.get().availableMinor();
    JsonNode details = approveBankDetails(merchant);
    long amount = Math.max(1, Math.min(available / SHARE_DIVISOR, MAX_AMOUNT_MINOR));
    String key = "day-payout-" + runId + "-" + merchant + "-" + currency;
    ServiceApi.Answer asked =
        run.api()
            .postJson(
                payouts(merchant),
                Callers.OPERATOR,
                Map.of("amountMinor", amount, "currency", currency, "idempotencyKey", key))
            .expect(
                "requesting a payout of " + amount + " " + currency + " to " + merchant,
                201,
                200,
                202);
    String payoutId =
        (asked.status() == 202 ? asked.json().path("payout") : asked.json())
            .path("payoutId")
            .asString();
    // Below the four-eyes threshold the hold is placed at once (201); should the stack's threshold
    // be lower, the second operator approves and the approval places the hold.
    new SecondOperator(run)
        .approve(run.services().ledger(), asked, "the payout " + payoutId + " to " + merchant);
    return Optional.of(
        new Requested(
            payoutId,
            merchant,
            currency,
            amount,
            earner.get().balanceMinor(),
            details.path("ibanMasked").asString(),
            details.path("requestedBy").asString(),
            details.path("approvedBy").asString(),
            asked.status() == 202));
  }

  /** Our bank books the outgoing transfer, on the statement of {@code bookingDate}. */
  void transfer(Requested payout, LocalDate bookingDate) {
    run.provider()
        .bankTransfer(
            BankLine.merchantPayout(
                bookingDate, payout.currency(), payout.amountMinor(), payout.payoutId()));
  }

  /**
   * Waits until the ledger captured the payout (or it ended otherwise), then reads its capture
   * entry, the merchant's account and bank cash.
   */
  MerchantPayoutOutcome awaitCaptured(Requested payout) {
    AtomicReference<JsonNode> seen = new AtomicReference<>(payout(payout));
    run.progress()
        .phase(
            "merchant payout",
            () ->
                payout.payoutId()
                    + " on the bank statement; the ledger shows it "
                    + seen.get().path("state").asString());
    Pause.until(
        ScenarioRun.PIPELINE_TIMEOUT,
        ScenarioRun.POLL,
        () -> {
          seen.set(payout(payout));
          return FINAL.contains(seen.get().path("state").asString());
        });
    JsonNode view = seen.get();
    String state = view.path("state").asString();
    Optional<MerchantPayoutOutcome.Capture> capture =
        CAPTURED.contains(state) ? capture(view.path("holdId").asString()) : Optional.empty();
    MerchantPayoutOutcome outcome =
        new MerchantPayoutOutcome(
            payout.payoutId(),
            payout.merchantId(),
            payout.currency(),
            payout.amountMinor(),
            payout.amountMinor(),
            state,
            view.path("capturedMinor").asLong(),
            payout.balanceBeforeMinor(),
            account(payout.account()).path("balanceMinor").asLong(),
            account("bank-cash:" + payout.currency()).path("balanceMinor").asLong(),
            capture,
            payout.bankAccount(),
            payout.detailsRequestedBy(),
            payout.detailsApprovedBy(),
            payout.payoutApproved());
    run.progress()
        .done(
            String.format(
                "%s %s: %d of %d %s, %s %d → %d",
                payout.payoutId(),
                state,
                outcome.capturedMinor(),
                payout.amountMinor(),
                payout.currency(),
                payout.account(),
                outcome.balanceBeforeMinor(),
                outcome.balanceAfterMinor()));
    return outcome;
  }

  /** A merchant's available money in one currency. */
  private record Earner(
      String merchantId, String currency, long balanceMinor, long availableMinor) {}

  /** {@link #MERCHANT} in EUR if it earned something there, else the first that did. */
  private Optional<Earner> earner() {
    List<String> merchants = new ArrayList<>(List.of(MERCHANT));
    DemoProvider.MERCHANTS.stream()
        .map(DemoProvider.Merchant::id)
        .filter(id -> !id.equals(MERCHANT))
        .forEach(merchants::add);
    for (String merchant : merchants) {
      for (String currency : CURRENCIES) {
        ServiceApi.Answer answer =
            run.api()
                .get(
                    run.services().ledger()
                        + "/v1/accounts?code=merchant:"
                        + merchant
                        + ":"
                        + currency);
        if (answer.status() == 404) {
          continue;
        }
        JsonNode account = answer.expect("reading the account of " + merchant, 200).json();
        long available = account.path("availableMinor").asLong();
        if (available > 0) {
          return Optional.of(
              new Earner(merchant, currency, account.path("balanceMinor").asLong(), available));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The operator sets the merchant's payout bank details, the second operator approves them (a
   * change of bank details always takes four eyes); the approved version as the ledger shows it. A
   * {@code PUT} retried after a lost answer leaves one more pending version nobody approves.
   */
  private JsonNode approveBankDetails(String merchant) {
    String url = run.services().ledger() + "/v1/merchants/" + merchant + "/bank-details";
    ServiceApi.Answer requested =
        run.api()
            .put(
                url,
                Callers.OPERATOR,
                Map.of("iban", IBAN, "holderName", "Demo merchant " + merchant))
            .expect("setting the bank details of " + merchant, 202);
    new SecondOperator(run)
        .approve(run.services().ledger(), requested, "the bank details of " + merchant)
        .expect("approving the bank details of " + merchant, 200);
    return run.api()
        .get(url)
        .expect("reading the bank details of " + merchant, 200)
        .json()
        .path("approved");
  }

  private String payouts(String merchant) {
    return run.services().ledger() + "/v1/merchants/" + merchant + "/payouts";
  }

  private JsonNode payout(Requested payout) {
    return run.api()
        .get(payouts(payout.merchantId()) + "/" + payout.payoutId())
        .expect("reading payout " + payout.payoutId(), 200)
        .json();
  }

  /** The hold's capture entry: its date and what it moved from the merchant to bank cash. */
  private Optional<MerchantPayoutOutcome.Capture> capture(String holdId) {
    JsonNode hold =
        run.api()
            .get(run.services().ledger() + "/v1/holds/" + holdId)
            .expect("reading hold " + holdId, 200)
            .json();
    String entryId = hold.path("captureEntryId").asString("");
    if (entryId.isEmpty() || hold.path("captureEntryId").isNull()) {
      return Optional.empty();
    }
    JsonNode entry =
        run.api()
            .get(run.services().ledger() + "/v1/entries/" + entryId)
            .expect("reading entry " + entryId, 200)
            .json();
    List<MerchantPayoutOutcome.Posting> postings = new ArrayList<>();
    for (JsonNode posting : entry.path("postings")) {
      postings.add(
          new MerchantPayoutOutcome.Posting(
              posting.path("accountCode").asString(),
              posting.path("side").asString(),
              posting.path("amountMinor").asLong()));
    }
    return Optional.of(
        new MerchantPayoutOutcome.Capture(
            UUID.fromString(entryId),
            entry.path("entryType").asString(),
            LocalDate.parse(entry.path("effectiveDate").asString()),
            postings));
  }

  private JsonNode account(String code) {
    return run.api()
        .get(run.services().ledger() + "/v1/accounts?code=" + code)
        .expect("reading account " + code, 200)
        .json();
  }
}
