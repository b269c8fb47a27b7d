import { describe, expect, it } from 'vitest';
import { decodeQuery, escapeXml, QueryInputError, queryError, queryResponse } from '../../../src/cli/serve/query';
import type { ServiceModel } from '../../../src/cli/serve/model';

/** A query service of the shapes the wire knows, ELBv2-like. */
const elb: ServiceModel = {
  name: 'elbv2',
  namespace: 'elbv2',
  protocols: ['query'],
  apiVersion: '2015-12-01',
  signingName: 'elasticloadbalancing',
  xmlNamespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  operations: { CreateThing: { i: 'CreateThingInput', o: 'CreateThingOutput' }, DeleteThing: { i: 'DeleteThingInput' } },
  shapes: {
    CreateThingInput: {
      t: 'structure',
      m: { Name: 'String', Port: 'Integer', Weight: 'Double', Enabled: 'Boolean', At: 'Timestamp', Subnets: 'Subnets', Tags: 'Tags', Attributes: 'Attrs', Matcher: 'Matcher', Values: { s: 'Values', f: true } },
    },
    DeleteThingInput: { t: 'structure', m: { Name: 'String' } },
    CreateThingOutput: { t: 'structure', m: { Things: 'Things', Count: 'Integer', Created: 'Timestamp', Note: 'String', Values: { s: 'Values', f: true } } },
    Things: { t: 'list', e: 'Thing' },
    Thing: { t: 'structure', m: { Name: 'String', Healthy: 'Boolean', Labels: 'Labels' } },
    Labels: { t: 'map', k: 'String', v: 'String' },
    Subnets: { t: 'list', e: 'String' },
    Tags: { t: 'list', e: 'Tag' },
    Tag: { t: 'structure', m: { Key: 'String', Value: 'String' } },
    Attrs: { t: 'map', k: 'String', v: 'String' },
    Matcher: { t: 'structure', m: { HttpCode: 'String' } },
    Values: { t: 'list', e: 'String', n: 'Value' },
    String: { t: 'string' },
    Integer: { t: 'integer' },
    Double: { t: 'double' },
    Boolean: { t: 'boolean' },
    Timestamp: { t: 'timestamp' },
  },
};

/** EC2's flavour: queryName or the capitalised locationName on input, lists as `item`. */
const ec2: ServiceModel = {
  name: 'ec2',
  namespace: 'ec2',
  protocols: ['ec2'],
  apiVersion: '2016-11-15',
  signingName: 'ec2',
  xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15',
  operations: { DescribeThings: { i: 'DescribeThingsRequest', o: 'DescribeThingsResult' } },
  shapes: {
    DescribeThingsRequest: { t: 'structure', m: { ThingIds: { s: 'IdList', n: 'ThingId', q: 'ThingId' }, DryRun: { s: 'Boolean', n: 'dryRun' }, Filters: { s: 'Filters', n: 'Filter' } } },
    IdList: { t: 'list', e: 'String', n: 'ThingId' },
    Filters: { t: 'list', e: 'Filter', n: 'Filter' },
    Filter: { t: 'structure', m: { Name: 'String', Values: { s: 'ValueList', n: 'Value' } } },
    ValueList: { t: 'list', e: 'String', n: 'item' },
    DescribeThingsResult: { t: 'structure', m: { Things: { s: 'ThingList', n: 'thingSet' } } },
    ThingList: { t: 'list', e: 'Thing', n: 'item' },
    Thing: { t: 'structure', m: { ThingId: { s: 'String', n: 'thingId' } } },
    String: { t: 'string' },
    Boolean: { t: 'boolean' },
  },
};

const params = (p: Record<string, string>) => new Map(Object.entries(p));

describe('a query request read back by its input shape', () => {
  it('reads scalars by their type, lists as member.N in numeric order, structures and maps as entry.N', () => {
    const input = decodeQuery(
      elb,
      'CreateThingInput',
      params({
        Action: 'CreateThing',
        Version: '2015-12-01',
        Name: 'web',
        Port: '8080',
        Weight: '0.5',
        Enabled: 'false',
        At: '2025-01-01T00:00:00Z',
        'Subnets.member.10': 'subnet-c',
        'Subnets.member.2': 'subnet-b',
        'Subnets.member.1': 'subnet-a',
        'Tags.member.1.Key': 'team',
        'Tags.member.1.Value': 'web',
        'Attributes.entry.1.key': 'stickiness.enabled',
        'Attributes.entry.1.value': 'true',
        'Matcher.HttpCode': '200-299',
        'Values.1': 'x',
        'Values.2': 'y',
      }),
    );
    expect(input).toEqual({
      Name: 'web',
      Port: 8080,
      Weight: 0.5,
      Enabled: false,
      At: 1735689600,
      Subnets: ['subnet-a', 'subnet-b', 'subnet-c'],
      Tags: [{ Key: 'team', Value: 'web' }],
      Attributes: { 'stickiness.enabled': 'true' },
      Matcher: { HttpCode: '200-299' },
      Values: ['x', 'y'],
    });
  });

  it('reads a list given as the empty parameter as an empty list, and leaves out members not given', () => {
    expect(decodeQuery(elb, 'CreateThingInput', params({ Subnets: '', Port: '1' }))).toEqual({ Subnets: [], Port: 1 });
    expect(decodeQuery(elb, 'CreateThingInput', params({ Action: 'CreateThing' }))).toEqual({});
    expect(decodeQuery(elb, undefined, params({ Name: 'x' }))).toEqual({});
    expect(decodeQuery(elb, 'CreateThingInput', params({ At: '1735689600.25' }))).toEqual({ At: 1735689600.25 });
  });

  it("refuses a parameter that does not fit its type, in AWS's words", () => {
    const refused = (p: Record<string, string>) => {
      try {
        decodeQuery(elb, 'CreateThingInput', params(p));
      } catch (e) {
        expect(e).toBeInstanceOf(QueryInputError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ Port: 'eighty' })).toBe("Value 'eighty' at 'Port' failed to satisfy constraint: Member must be of type integer");
    expect(refused({ Port: '8.5' })).toBe("Value '8.5' at 'Port' failed to satisfy constraint: Member must be of type integer");
    expect(refused({ Weight: ' ' })).toBe("Value ' ' at 'Weight' failed to satisfy constraint: Member must be of type double");
    expect(refused({ Enabled: 'yes' })).toBe("Value 'yes' at 'Enabled' failed to satisfy constraint: Member must be of type boolean");
    expect(refused({ At: 'soon' })).toBe("Value 'soon' at 'At' failed to satisfy constraint: Member must be of type timestamp");
    expect(refused({ Port: '-3' })).toBe('accepted');
  });

  it("reads EC2's names: the queryName, the capitalised locationName, lists without member", () => {
    const input = decodeQuery(ec2, 'DescribeThingsRequest', params({ 'ThingId.1': 'i-1', 'ThingId.2': 'i-2', DryRun: 'true', 'Filter.1.Name': 'state', 'Filter.1.Value.1': 'running' }));
    expect(input).toEqual({ ThingIds: ['i-1', 'i-2'], DryRun: true, Filters: [{ Name: 'state', Values: ['running'] }] });
  });
});

describe('a query response written by its output shape', () => {
  it('wraps the result in <OpResponse><OpResult> with the request id, lists as member, members in model order', () => {
    const xml = queryResponse(elb, 'CreateThing', { Count: 2, Note: 'a < b & c', Things: [{ Healthy: true, Name: 'one', Labels: { k: 'v' } }, { Name: 'two' }], Created: 1735689600.5, Values: ['x', 'y'], Ignored: 1 }, 'req-1');
    expect(xml).toBe(
      '<CreateThingResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><CreateThingResult>' +
        '<Things><member><Name>one</Name><Healthy>true</Healthy><Labels><entry><key>k</key><value>v</value></entry></Labels></member><member><Name>two</Name></member></Things>' +
        '<Count>2</Count><Created>2025-01-01T00:00:00.500Z</Created><Note>a &lt; b &amp; c</Note><Value>x</Value><Value>y</Value>' +
        '</CreateThingResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></CreateThingResponse>',
    );
  });

  it('has no result element for an operation without output, and leaves out values that do not fit', () => {
    expect(queryResponse(elb, 'DeleteThing', undefined, 'req-2')).toBe(
      '<DeleteThingResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></DeleteThingResponse>',
    );
    expect(queryResponse(elb, 'CreateThing', { Count: 'two', Created: 'never', Things: 'none' }, 'r')).toContain('<CreateThingResult></CreateThingResult>');
  });

  it("writes EC2's: an XML declaration, requestId first, lists as item under their locationName", () => {
    expect(queryResponse(ec2, 'DescribeThings', { Things: [{ ThingId: 'i-1' }] }, 'req-3')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeThingsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-3</requestId><thingSet><item><thingId>i-1</thingId></item></thingSet></DescribeThingsResponse>',
    );
  });
});

describe('a query error', () => {
  it('is an <ErrorResponse> saying whose fault it is (Sender, Receiver), its code and escaped message', () => {
    expect(queryError(elb, 'ValidationError', "'<none>' is not valid", 'req-4', false)).toBe(
      '<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>\'&lt;none&gt;\' is not valid</Message></Error><RequestId>req-4</RequestId></ErrorResponse>',
    );
    expect(queryError(undefined, 'InternalFailure', 'broken', 'req-5', true)).toBe('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>broken</Message></Error><RequestId>req-5</RequestId></ErrorResponse>');
  });

  it("is EC2's <Response><Errors><Error> with RequestID", () => {
    expect(queryError(ec2, 'InvalidParameterValue', 'bad', 'req-6', false)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>bad</Message></Error></Errors><RequestID>req-6</RequestID></Response>',
    );
  });
});

describe('XML text', () => {
  it('escapes &, < and > (and & first, so nothing is escaped twice)', () => {
    expect(escapeXml('a & b <c> &lt;')).toBe('a &amp; b &lt;c&gt; &amp;lt;');
    expect(escapeXml('"quoted" \'too\'')).toBe('"quoted" \'too\'');
  });
});
