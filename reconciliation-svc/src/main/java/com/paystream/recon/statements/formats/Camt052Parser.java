package com.paystream.recon.statements.formats;

import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.PayoutReferences;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementMoney;
import com.paystream.recon.statements.StatementParser;

/**
 * ISO 20022 camt.052 (bank-to-customer account report, intraday), versions .001.02 to .001.13; see
 * {@link CamtParser}.
 */
public final class Camt052Parser implements StatementParser {

  private final CamtParser parser;

  public Camt052Parser() {
    this(StatementMoney.defaults());
  }

  public Camt052Parser(StatementMoney money) {
    this(money, PayoutReferences.DEFAULT);
  }

  public Camt052Parser(StatementMoney money, PayoutReferences payouts) {
    this.parser = new CamtParser(CamtVersions.Message.CAMT052, money, payouts);
  }

  @Override
  public StatementFormat format() {
    return StatementFormat.CAMT052;
  }

  @Override
  public ParsedStatementFile parse(byte[] content) {
    return parser.parse(content);
  }
}
