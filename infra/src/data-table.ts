import { tableDesign } from '@chiso/services/table';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface DataTableProps {
  production: boolean;
}

/**
 * The one DynamoDB table, built from services' own description of it (keys, indexes, billing), so the
 * table the API is tested against locally and the one deployed cannot drift apart.
 */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, { production }: DataTableProps) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: stringKey(tableDesign.partitionKey),
      sortKey: stringKey(tableDesign.sortKey),
      billing: billing(tableDesign.billingMode),
      globalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: projection(index.projection),
      })),
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      // On in every stage: a restore drill in dev is how we learn it works before prod needs it.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The AWS-managed key records every use in CloudTrail, at no key cost; the data is the province's records.
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: production,
      // A dev table holds nothing that cannot be recreated; a prod table outlives any mistake in this stack.
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}

// DATA-MODEL.md: every key attribute is a string (ids, prefixed keys, ISO times, zero-padded numbers).
function stringKey(name: string) {
  return { name, type: AttributeType.STRING };
}

function billing(mode: typeof tableDesign.billingMode): Billing {
  switch (mode) {
    case 'PAY_PER_REQUEST':
      return Billing.onDemand();
  }
}

function projection(kind: (typeof tableDesign.globalSecondaryIndexes)[number]['projection']): ProjectionType {
  switch (kind) {
    case 'ALL':
      return ProjectionType.ALL;
  }
}
