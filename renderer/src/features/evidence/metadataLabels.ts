// EXIF and PDF metadata in the reader's language. The core reports tag names and ExifReader's English
// descriptions as found; the common ones are labelled here, coordinates are shown signed (south and west
// negative) from the parsed position, and an unknown tag keeps its technical name (as exiftool prints it).
import type { TFunction } from 'i18next';
import type { MetadataField, MetadataReport } from '../../../../shared/schemas/evidence';
import { formatDecimal } from '../../app/format';

const REFERENCE_VALUES: Record<string, string> = {
  'North latitude': 'north',
  'South latitude': 'south',
  'East longitude': 'east',
  'West longitude': 'west',
  'Sea level': 'seaLevel',
  'Sea level reference': 'seaLevel',
  'Below sea level': 'belowSeaLevel',
};

export function metadataName(t: TFunction, field: MetadataField): string {
  return t(`evidence.metadata.tag.${field.name}`, { defaultValue: field.name });
}

export function metadataGroup(t: TFunction, field: MetadataField): string {
  return t(`evidence.metadata.group.${field.group}`, { defaultValue: field.group.toUpperCase() });
}

export function metadataValue(
  t: TFunction,
  field: MetadataField,
  gps: MetadataReport['gps'],
  language: string,
): string {
  const coordinate = (value: number) => formatDecimal(value, 5, language);
  if (gps && field.name === 'GPSLatitude') return coordinate(gps.latitude);
  if (gps && field.name === 'GPSLongitude') return coordinate(gps.longitude);
  const reference = REFERENCE_VALUES[field.value];
  if (reference) return t(`evidence.metadata.value.${reference}`);
  return field.value;
}
