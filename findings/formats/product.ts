/**
 * Who writes the findings, as the formats name the product (OCSF `metadata.product`, ASFF
 * `ProductFields`) and `rootwatch --version` prints it. The version is package.json's (a test keeps
 * them equal): written here, not imported, so that the library, the CLI and the Lambda code carry it
 * without a copy of package.json.
 */
const PRODUCT = { name: 'rootwatch', vendorName: 'rootwatch', version: '0.2.0' } as const;

export { PRODUCT };
