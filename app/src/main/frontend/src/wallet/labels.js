// What people read about attributes: Dutch first, English second, and values formatted for display.

import {epochDay} from './encoding.js';

/** Labels per attribute of DebtAssistanceCredential v1. */
export const ATTRIBUTE_LABELS = Object.freeze({
  bsn: {nl: 'BSN', en: 'Citizen service number (BSN)'},
  issuerOin: {nl: 'Gemeente (OIN)', en: 'Municipality (OIN)'},
  assistanceType: {nl: 'Soort schuldhulp', en: 'Type of debt help'},
  decisionDate: {nl: 'Datum beschikking', en: 'Date of decision'},
  helpStartDate: {nl: 'Startdatum hulp', en: 'Start of debt help'},
  validUntil: {nl: 'Geldig tot', en: 'Valid until'},
  statusListId: {nl: 'Statuslijst', en: 'Status list'},
  statusIndex: {nl: 'Index', en: 'Index in the status list'},
  debtAmountCents: {nl: 'Schuldbedrag', en: 'Amount of debt'},
  creditorCount: {nl: 'Aantal schuldeisers', en: 'Number of creditors'},
  counsellorId: {nl: 'Schuldhulpverlener', en: 'Debt counsellor'}
});

/** The assistance types as domain's AssistanceType names them. */
export const ASSISTANCE_TYPE_LABELS = Object.freeze({
  MSNP: {nl: 'Minnelijke schuldregeling', en: 'Amicable debt settlement'},
  WSNP: {nl: 'Wettelijke schuldsanering (Wsnp)', en: 'Statutory debt restructuring'},
  STABILISATIE: {nl: 'Stabilisatie', en: 'Stabilisation'},
  BUDGETBEHEER: {nl: 'Budgetbeheer', en: 'Budget management'},
  BESCHERMINGSBEWIND: {nl: 'Beschermingsbewind', en: 'Protective administration'}
});

const DATE_NL = new Intl.DateTimeFormat('nl-NL', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
const INTEGER_NL = new Intl.NumberFormat('nl-NL', {useGrouping: true});

/** "17 februari 2025" for "2025-02-17". */
export function formatDate(isoDate) {
  const day = epochDay(isoDate);
  return day === null ? isoDate : DATE_NL.format(new Date(day * 86_400_000));
}

/** "€ 12.345,67" for 1234567 cents (BigInt or Number). */
export function formatEuroCents(cents) {
  const v = BigInt(cents);
  const abs = v < 0n ? -v : v;
  const euros = INTEGER_NL.format(abs / 100n);
  const rest = String(abs % 100n).padStart(2, '0');
  return `${v < 0n ? '-' : ''}€ ${euros},${rest}`;
}

/**
 * One attribute for display: name, Dutch and English label, the value as the document has it (BigInt integers as
 * decimal strings, so the result is JSON-safe) and a Dutch display text.
 *
 * @param {import('./encoding.js').AttributeDefinition} def
 * @param {string | bigint} value
 */
export function describeAttribute(def, value) {
  const label = ATTRIBUTE_LABELS[def.name] ?? {nl: def.name, en: def.name};
  let display;
  if (def.name === 'assistanceType' && Object.hasOwn(ASSISTANCE_TYPE_LABELS, value)) {
    display = `${ASSISTANCE_TYPE_LABELS[value].nl} (${value})`;
  } else if (def.name === 'debtAmountCents') {
    display = formatEuroCents(value);
  } else if (def.type === 'date') {
    display = formatDate(value);
  } else if (def.type === 'integer') {
    display = String(value);
  } else {
    display = value;
  }
  return {
    name: def.name,
    label: label.nl,
    labelEn: label.en,
    value: typeof value === 'bigint' ? value.toString() : value,
    display
  };
}
