/** The ledger's commands on payments.commands.v1 as every feature that writes them sees them. */
package com.paystream.gateway.commands;
