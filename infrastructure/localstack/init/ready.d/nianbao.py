"""Creates nianbao's resources in LocalStack from template.yaml, as the local stack does on this machine.

LocalStack runs this once it is ready (init/ready.d). It reads the template mounted at NIANBAO_TEMPLATE
(default /opt/nianbao/template.yaml), resolves names as a stack named NIANBAO_STACK (default "nianbao") in the
endpoint's account (000000000000 in LocalStack) would, and creates: the buckets (versioning, CORS), the DynamoDB tables (keys, indexes), the SQS
queues, each function from its built jar (handler, runtime, memory, timeout, environment, alias, on-failure
destination: the upload, operations and API functions; the OCR function from the image compose.yaml builds from
its Dockerfile, with its handler command), the reports bucket's notification to the upload
function's alias, and, because API Gateway v2 is not in LocalStack's free edition, a function URL for each
function the HTTP API routes to (function URLs send the same payload 2.0 events). It ends by printing the
functions the template's outputs name (the operations function, which `aws lambda invoke` runs with
{"action": "reprocess"|"redrive"|"rebuildSummaries"}). CloudFront and alarms are left out: the page is served by
`./nianbao serve`. Cognito is in LocalStack's paid editions only: with NIANBAO_COGNITO=1 the script also creates the
user pool (with custom:region), its groups (reader, reviewer, admin), the resource server's scopes and the
client-credentials app client, and prints the client's id and secret. The function URL checks no token: the API
function sees no authorizer, so there as on the local stack the one local user may do everything; the pool is for
getting tokens of each kind to try against a deployed stack's rules (functions/api/README.md, "Who may").

Run by hand against any endpoint (LocalStack, moto_server):  AWS_ENDPOINT_URL=http://127.0.0.1:4566 python3 nianbao.py
Add --dry-run to print what would be created.
"""
import json
import os
import re
import sys
import time

import boto3
import yaml

ACCOUNT = "000000000000"  # LocalStack's; main() asks the endpoint (moto's is another)
REGION = os.environ.get("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "us-east-1"))
STACK = os.environ.get("NIANBAO_STACK", "nianbao")
TEMPLATE = os.environ.get("NIANBAO_TEMPLATE", "/opt/nianbao/template.yaml")
ROOT = os.environ.get("NIANBAO_ROOT", os.path.dirname(TEMPLATE))  # CodeUri paths are relative to the template
ENDPOINT = os.environ.get("AWS_ENDPOINT_URL", "http://localhost:4566")


class Tag:
    """A short-form intrinsic function (!Ref, !Sub, …) as read from the YAML."""

    def __init__(self, function, argument):
        self.function, self.argument = function, argument


def _construct(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tag(suffix, value)


yaml.SafeLoader.add_multi_constructor("!", _construct)


class Template:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.root = yaml.safe_load(f)
        self.resources = self.root.get("Resources", {})
        self.params = {k: str(v.get("Default", "")) for k, v in self.root.get("Parameters", {}).items()}
        self.params.update({"AWS::StackName": STACK, "AWS::Region": REGION, "AWS::AccountId": ACCOUNT,
                            "AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com", "AWS::NoValue": None})

    def of_type(self, type_name):
        return {k: v for k, v in self.resources.items() if v.get("Type") == type_name}

    def props(self, logical_id):
        return self.resources[logical_id].get("Properties", {})

    def name(self, logical_id):
        """The physical name a !Ref gives where the template names the resource, else a generated one."""
        p = self.props(logical_id)
        for key in ("BucketName", "TableName", "QueueName", "FunctionName", "TopicName", "Name"):
            if key in p:
                return self.resolve(p[key])
        generated = f"{STACK}-{logical_id}"
        return generated.lower() if self.resources[logical_id]["Type"] == "AWS::S3::Bucket" else generated

    def arn(self, logical_id):
        kind, name = self.resources[logical_id]["Type"], self.name(logical_id)
        return {
            "AWS::S3::Bucket": f"arn:aws:s3:::{name}",
            "AWS::DynamoDB::Table": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{name}",
            "AWS::SQS::Queue": f"arn:aws:sqs:{REGION}:{ACCOUNT}:{name}",
            "AWS::Serverless::Function": f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}",
        }.get(kind, f"arn:aws:local:{REGION}:{ACCOUNT}:{name}")

    def ref(self, name):
        if name in self.params:
            return self.params[name]
        if self.resources.get(name, {}).get("Type") == "AWS::SQS::Queue":
            return f"{ENDPOINT}/{ACCOUNT}/{self.name(name)}"
        return self.name(name)

    def getatt(self, target):
        logical_id, _, attribute = target.partition(".")
        return self.arn(logical_id) if attribute == "Arn" else self.name(logical_id)

    def condition(self, name):
        return self.truthy(self.resolve(self.root.get("Conditions", {})[name]))

    @staticmethod
    def truthy(value):
        return value is True or str(value).lower() == "true"

    def resolve(self, value):
        if isinstance(value, Tag):
            return self.intrinsic(value.function, value.argument)
        if isinstance(value, dict):
            if len(value) == 1:
                key = next(iter(value))
                if key == "Ref" or key.startswith("Fn::"):
                    return self.intrinsic(key.replace("Fn::", ""), value[key])
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        return value

    def intrinsic(self, function, arg):
        if function == "Ref":
            return self.ref(arg)
        if function == "GetAtt":
            return self.getatt(arg if isinstance(arg, str) else ".".join(arg))
        if function == "Sub":
            text, variables = (arg[0], arg[1]) if isinstance(arg, list) else (arg, {})

            def replace(m):
                name = m.group(1).strip()
                if name in variables:
                    return str(self.resolve(variables[name]))
                return str(self.getatt(name) if "." in name and name not in self.params else self.ref(name))

            return re.sub(r"\$\{([^}!][^}]*)}", replace, text).replace("${!", "${")
        if function == "Join":
            return str(arg[0]).join(str(x) for x in self.resolve(arg[1]))
        if function == "Split":
            return str(self.resolve(arg[1])).split(arg[0])
        if function == "Select":
            return self.resolve(arg[1])[int(self.resolve(arg[0]))]
        if function == "If":
            return self.resolve(arg[1] if self.condition(arg[0]) else arg[2])
        if function == "Equals":
            return str(self.resolve(arg[0])) == str(self.resolve(arg[1]))
        if function == "Not":
            return not self.truthy(self.resolve(arg[0]))
        if function == "Condition":
            return self.condition(arg)
        raise ValueError(f"intrinsic function not supported here: {function}")


def target_of(value):
    """The logical id a !Ref X / !GetAtt X.Arn / !Ref X.Alias points at."""
    if isinstance(value, Tag):
        arg = value.argument if isinstance(value.argument, str) else value.argument[0]
        return arg.split(".")[0]
    if isinstance(value, dict) and len(value) == 1:
        arg = next(iter(value.values()))
        return (arg if isinstance(arg, str) else arg[0]).split(".")[0]
    return str(value)


def plan(t):
    """What to create, in order, as (description, callable) pairs."""
    s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name=REGION)
    dynamodb = boto3.client("dynamodb", endpoint_url=ENDPOINT, region_name=REGION)
    sqs = boto3.client("sqs", endpoint_url=ENDPOINT, region_name=REGION)
    lam = boto3.client("lambda", endpoint_url=ENDPOINT, region_name=REGION)
    iam = boto3.client("iam", endpoint_url=ENDPOINT, region_name=REGION)
    steps = []

    for bucket_id in t.of_type("AWS::S3::Bucket"):
        name, p = t.name(bucket_id), t.props(bucket_id)
        steps.append((f"bucket {name}", lambda n=name: s3.create_bucket(Bucket=n)))
        if t.resolve(p.get("VersioningConfiguration", {})).get("Status") == "Enabled":
            steps.append((f"  versioning on {name}", lambda n=name: s3.put_bucket_versioning(
                Bucket=n, VersioningConfiguration={"Status": "Enabled"})))
        if "CorsConfiguration" in p:
            cors = t.resolve(p["CorsConfiguration"])
            # CloudFormation's names for S3's CORS fields
            renamed = {"ExposedHeaders": "ExposeHeaders", "MaxAge": "MaxAgeSeconds", "Id": "ID"}
            rules = [{renamed.get(k, k): v for k, v in r.items()} for r in cors["CorsRules"]]
            steps.append((f"  CORS on {name}", lambda n=name, r=rules: s3.put_bucket_cors(
                Bucket=n, CORSConfiguration={"CORSRules": r})))

    for table_id in t.of_type("AWS::DynamoDB::Table"):
        p = t.resolve(t.props(table_id))
        request = {"TableName": p["TableName"], "AttributeDefinitions": p["AttributeDefinitions"],
                   "KeySchema": p["KeySchema"], "BillingMode": p.get("BillingMode", "PAY_PER_REQUEST")}
        if p.get("GlobalSecondaryIndexes"):
            request["GlobalSecondaryIndexes"] = [
                {k: v for k, v in g.items() if k in ("IndexName", "KeySchema", "Projection")}
                for g in p["GlobalSecondaryIndexes"]]
        steps.append((f"table {p['TableName']} ({len(request.get('GlobalSecondaryIndexes', []))} indexes)",
                       lambda r=request: dynamodb.create_table(**r)))

    for queue_id in t.of_type("AWS::SQS::Queue"):
        steps.append((f"queue {t.name(queue_id)}", lambda n=t.name(queue_id): sqs.create_queue(QueueName=n)))

    role = f"arn:aws:iam::{ACCOUNT}:role/{STACK}-functions"
    steps.append((f"role {role}", lambda: iam.create_role(RoleName=f"{STACK}-functions", AssumeRolePolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                 "Action": "sts:AssumeRole"}]}))))

    globals_ = t.root.get("Globals", {}).get("Function", {})
    routed = {target_of(t.props(i).get("IntegrationUri")) for i in t.of_type("AWS::ApiGatewayV2::Integration")}
    for fn_id, fn in t.of_type("AWS::Serverless::Function").items():
        p = {**globals_, **fn.get("Properties", {})}
        name = t.name(fn_id)
        env = {k: str(t.resolve(v)) for k, v in p.get("Environment", {}).get("Variables", {}).items()}
        env.pop("JAVA_TOOL_OPTIONS", None)  # LocalStack's Java image sets its own
        create = {"FunctionName": name, "Role": role, "MemorySize": int(t.resolve(p.get("MemorySize", 128))),
                  "Timeout": int(t.resolve(p.get("Timeout", 3))), "Environment": {"Variables": env}}
        if t.resolve(p.get("PackageType")) == "Image":
            # the image compose.yaml builds from the function's Dockerfile (Metadata), tagged as the template tags it
            image = f"nianbao-{fn_id.lower()}:{fn.get('Metadata', {}).get('DockerTag', 'latest')}"
            command = [str(c) for c in t.resolve(p["ImageConfig"]["Command"])]
            steps.append((f"function {name} (image {image}, {command[0]})", lambda c=create, i=image, k=command:
                          lam.create_function(**c, PackageType="Image", Code={"ImageUri": i},
                                              ImageConfig={"Command": k})))
        else:
            jar = os.path.join(ROOT, t.resolve(p["CodeUri"]))
            create.update({"Runtime": t.resolve(p.get("Runtime", "java21")), "Handler": t.resolve(p["Handler"])})
            steps.append((f"function {name} ({create['Handler']}, {jar})", lambda c=create, j=jar:
                          lam.create_function(**c, Code={"ZipFile": open(j, "rb").read()})))
        steps.append((f"  wait until {name} is active", lambda n=name: lam.get_waiter("function_active_v2").wait(
            FunctionName=n)))
        alias = t.resolve(p.get("AutoPublishAlias")) if p.get("AutoPublishAlias") else None
        qualifier = alias or "$LATEST"
        if alias:
            steps.append((f"  version and alias {alias}", lambda n=name, a=alias: lam.create_alias(
                FunctionName=n, Name=a, FunctionVersion=lam.publish_version(FunctionName=n)["Version"])))
        invoke = p.get("EventInvokeConfig", {})
        if invoke:
            config = {"FunctionName": name, "Qualifier": qualifier,
                      "MaximumRetryAttempts": int(invoke.get("MaximumRetryAttempts", 2))}
            if "MaximumEventAgeInSeconds" in invoke:
                config["MaximumEventAgeInSeconds"] = int(invoke["MaximumEventAgeInSeconds"])
            failure = invoke.get("DestinationConfig", {}).get("OnFailure")
            if failure:
                config["DestinationConfig"] = {"OnFailure": {"Destination": t.resolve(failure["Destination"])}}
            steps.append((f"  asynchronous invocation: retries, on-failure destination",
                          lambda c=config: lam.put_function_event_invoke_config(**c)))
        for event in p.get("Events", {}).values():
            if event.get("Type") == "S3":
                bucket = t.name(target_of(event["Properties"]["Bucket"]))
                events = t.resolve(event["Properties"]["Events"])
                events = events if isinstance(events, list) else [events]
                arn = t.arn(fn_id) + (f":{alias}" if alias else "")
                steps.append((f"  notification of {bucket} → {arn}", lambda b=bucket, e=events, a=arn:
                              s3.put_bucket_notification_configuration(Bucket=b, NotificationConfiguration={
                                  "LambdaFunctionConfigurations": [{"LambdaFunctionArn": a, "Events": e}]})))
        if fn_id in routed:
            steps.append((f"  function URL for {name}:{qualifier} (stands in for the HTTP API)",
                          lambda n=name, q=alias: print("    API:", lam.create_function_url_config(
                              FunctionName=n, AuthType="NONE", **({"Qualifier": q} if q else {}))["FunctionUrl"])))
    if os.environ.get("NIANBAO_COGNITO") == "1":
        steps.extend(cognito_plan(t))
    return steps


def cognito_plan(t):
    """The user pool of the template: its custom attributes, groups, resource server and app clients."""
    idp = boto3.client("cognito-idp", endpoint_url=ENDPOINT, region_name=REGION)
    pool_id = next(iter(t.of_type("AWS::Cognito::UserPool")))
    pool = {}  # filled by the first step, read by the next ones
    schema = [{k: (dict(v) if isinstance(v, dict) else v) for k, v in a.items()}
              for a in t.resolve(t.props(pool_id).get("Schema", []))]

    def create_pool():
        pool["id"] = idp.create_user_pool(PoolName=t.resolve(t.props(pool_id)["UserPoolName"]),
                                          Schema=schema, AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
                                          UsernameAttributes=["email"])["UserPool"]["Id"]
    steps = [(f"user pool {t.resolve(t.props(pool_id)['UserPoolName'])} ({len(schema)} custom attributes)", create_pool)]
    for group_id in t.of_type("AWS::Cognito::UserPoolGroup"):
        name = t.resolve(t.props(group_id)["GroupName"])
        steps.append((f"  group {name}", lambda n=name, d=t.resolve(t.props(group_id).get("Description", "")):
                      idp.create_group(UserPoolId=pool["id"], GroupName=n, Description=d)))
    for server_id in t.of_type("AWS::Cognito::UserPoolResourceServer"):
        p = t.resolve(t.props(server_id))
        steps.append((f"  resource server {p['Identifier']} ({', '.join(s['ScopeName'] for s in p['Scopes'])})",
                      lambda p=p: idp.create_resource_server(UserPoolId=pool["id"], Identifier=p["Identifier"],
                                                             Name=p["Name"], Scopes=p["Scopes"])))
    for client_id in t.of_type("AWS::Cognito::UserPoolClient"):
        raw = t.props(client_id)
        if "client_credentials" not in raw.get("AllowedOAuthFlows", []):
            continue
        p = {k: t.resolve(raw[k]) for k in ("ClientName", "AllowedOAuthScopes")}

        def create_client(p=p):
            c = idp.create_user_pool_client(UserPoolId=pool["id"], ClientName=p["ClientName"], GenerateSecret=True,
                                            AllowedOAuthFlowsUserPoolClient=True,
                                            AllowedOAuthFlows=["client_credentials"],
                                            AllowedOAuthScopes=p["AllowedOAuthScopes"])["UserPoolClient"]
            print(f"    client id {c['ClientId']}, secret {c['ClientSecret']}")
        steps.append((f"  client-credentials client {p['ClientName']} ({' '.join(p['AllowedOAuthScopes'])})",
                      create_client))
    return steps


def main():
    global ACCOUNT
    dry_run = "--dry-run" in sys.argv
    if not dry_run:
        ACCOUNT = boto3.client("sts", endpoint_url=ENDPOINT, region_name=REGION).get_caller_identity()["Account"]
    t = Template(TEMPLATE)
    for description, step in plan(t):
        print(("would create " if dry_run else "") + description, flush=True)
        if not dry_run:
            for attempt in range(5):
                try:
                    step()
                    break
                except Exception as e:  # noqa: BLE001 — an existing resource is fine; anything else, retry then stop
                    code = getattr(e, "response", {}).get("Error", {}).get("Code", "")
                    if code in ("BucketAlreadyOwnedByYou", "ResourceInUseException", "ResourceConflictException",
                                "EntityAlreadyExists", "QueueAlreadyExists"):
                        print("    (exists)")
                        break
                    if attempt == 4:
                        raise
                    time.sleep(2)
    for output, name in named_functions(t):
        print(f"{output}: {name}")
    print(f"nianbao: stack {STACK} created from {TEMPLATE}")


def named_functions(t):
    """The outputs that are a !Ref to a function, with the function's name: what an operator invokes."""
    functions = t.of_type("AWS::Serverless::Function")
    return [(output, t.name(target_of(o["Value"]))) for output, o in t.root.get("Outputs", {}).items()
            if isinstance(o.get("Value"), Tag) and o["Value"].function == "Ref"
            and target_of(o["Value"]) in functions]


if __name__ == "__main__":
    main()
