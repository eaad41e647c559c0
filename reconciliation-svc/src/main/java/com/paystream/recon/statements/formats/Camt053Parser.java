package com.paystream.recon.statements.formats;

import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.PayoutReferences;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementMoney;
import com.paystream.recon.statements.StatementParser;

/**
 * ISO 20022 camt.053 (bank-to-customer statement, end of day), versions .001.02 to .001.13; see
 * {@link CamtParser}.
 */
public final class Camt053Parser implements StatementParser {

  private final CamtParser parser;

  public Camt053Parser() {
    this(StatementMoney.defaults());
  }

  public Camt053Parser(StatementMoney money) {
    this(money, PayoutReferences.DEFAULT);
  }

  public Camt053Parser(StatementMoney money, PayoutReferences payouts) {
    this.parser = new CamtParser(CamtVersions.Message.CAMT053, money, payouts);
  }

  @Override
  public StatementFormat format() {
    return StatementFormat.CAMT053;
  }

  @Override
  public ParsedStatementFile parse(byte[] content) {
    return parser.parse(content);
  }
}
