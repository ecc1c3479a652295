"""The ``SmsOptOut`` construct: self-managed SMS opt-outs for existing End User Messaging numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import aws_cdk.aws_cloudwatch as cloudwatch
import aws_cdk.aws_cloudwatch_actions as cloudwatch_actions
import aws_cdk.aws_dynamodb as dynamodb
import aws_cdk.aws_iam as iam
import aws_cdk.aws_kms as kms
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_lambda_destinations as destinations
import aws_cdk.aws_logs as logs
import aws_cdk.aws_sns as sns
import aws_cdk.aws_sns_subscriptions as subscriptions
import aws_cdk.aws_sqs as sqs
from aws_cdk import Duration, RemovalPolicy, Stack
from constructs import Construct

from opt_out_stack.compliance_acknowledgments import acknowledge_construct_findings
from opt_out_stack.lambda_asset import lambda_code
from opt_out_stack.phone_number_configuration import PhoneNumberConfiguration
from opt_out_stack.phone_numbers import phone_number_refs
from opt_out_stack.runtime_settings import RuntimeSettings
from opt_out_stack.send_queue import SendQueue
from sms_opt_out.dispatch import DEFAULT_CONCURRENCY
from sms_opt_out.idempotency import KEY_PREFIX, TTL_ATTRIBUTE
from sms_opt_out.settings import MAX_CONCURRENCY

SMS_SERVICE_PRINCIPAL = "sms-voice.amazonaws.com"
RUNTIME = lambda_.Runtime.PYTHON_3_14
RECORD_PREFERENCES_ACTIONS = ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem")
"""What ``OptOutRegistry.opt_out``, ``opt_in``, ``status`` and ``is_opted_out`` call."""
READ_PREFERENCES_ACTIONS = ("dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan")
"""What ``OptOutRegistry.status``, ``history`` and the CLI's ``export`` call."""
IDEMPOTENCY_KEY_ACTIONS = ("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:GetItem")
"""What the sender does to its key records, and only to items whose PK starts with ``IDEMPOTENCY#``."""
DEFAULT_MAX_SEND_CONCURRENCY = 2
DEFAULT_TIMEOUT = Duration.seconds(30)


class SmsOptOut(Construct):
    """Records and honours SMS opt-outs for existing phone numbers, with self-managed opt-outs on.

    Provisions the ``SMSOptOut`` table, the inbound (two-way) topic, the reply processor, the
    guarded sender, a dead-letter queue, alarms, and one custom resource per phone number that
    turns on two-way SMS to the topic and self-managed opt-outs (and turns both off on delete).
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        phone_number_ids: Sequence[str],
        table_name: str | None = None,
        removal_policy: RemovalPolicy = RemovalPolicy.RETAIN,
        encryption_key: kms.IKey | None = None,
        alarm_topic: sns.ITopic | None = None,
        opt_out_keywords: Sequence[str] | None = None,
        opt_in_keywords: Sequence[str] | None = None,
        help_keywords: Sequence[str] | None = None,
        opt_out_words: Sequence[str] | None = None,
        opt_out_phrases: Sequence[str] | None = None,
        match_mode: str | None = None,
        opt_out_scope: str | None = None,
        opt_out_confirmation: str | None = None,
        opt_in_confirmation: str | None = None,
        help_message: str | None = None,
        program_name: str | None = None,
        opt_out_list_names: Sequence[str] = ("Default",),
        configuration_set_names: Sequence[str] = (),
        memory_size: int = 256,
        timeout: Duration | None = None,
        log_retention: logs.RetentionDays = logs.RetentionDays.ONE_YEAR,
        messages_per_second: Mapping[str, float] | None = None,
        send_concurrency: int = DEFAULT_CONCURRENCY,
        max_send_concurrency: int = DEFAULT_MAX_SEND_CONCURRENCY,
    ) -> None:
        """Create the opt-out system.

        :param phone_number_ids: IDs (``phone-...``) or ARNs of the existing numbers to configure. Required.
        :param table_name: physical table name. Default: generated, so instances never collide.
        :param removal_policy: what a stack deletion does to the table. Default: RETAIN (compliance evidence).
        :param encryption_key: symmetric KMS key of the inbound topic. Default: a new key with
            rotation on, whose policy lets End User Messaging SMS publish. A key you bring must allow
            ``sms-voice.amazonaws.com`` ``kms:GenerateDataKey*`` and ``kms:Decrypt`` itself.
        :param alarm_topic: where alarms notify. Default: alarms are created without actions.
        :param opt_out_keywords: whole-message opt-out keywords. Default: the runtime list (STOP, ...).
        :param opt_in_keywords: whole-message opt-in keywords. Default: JOIN, START, UNSTOP.
        :param help_keywords: whole-message help keywords. Default: HELP, INFO.
        :param opt_out_words: revocation words matched anywhere in a reply. Default: the FCC's seven.
        :param opt_out_phrases: opt-out phrases matched anywhere. Default: "leave me alone", ...
        :param match_mode: WORD or EXACT. Default: WORD.
        :param opt_out_scope: ORIGINATION (an opt-out blocks the number it was sent to) or ALL.
            Default: ORIGINATION.
        :param opt_out_confirmation: text answering an opt-out. Default: the runtime's.
        :param opt_in_confirmation: text answering an opt-in. Default: the runtime's.
        :param help_message: text answering HELP. Default: names ``program_name`` and STOP.
        :param program_name: the program named in the default help text. Default: "SMS alerts".
        :param opt_out_list_names: opt-out lists of the numbers, granted with SendTextMessage in case
            the action is checked against them. Default: ("Default",).
        :param configuration_set_names: configuration sets send requests may name. Default: none.
        :param memory_size: MB for each function. Default: 256.
        :param timeout: per invocation. Default: 30 seconds.
        :param log_retention: of the functions' logs. Default: one year.
        :param messages_per_second: origination identity (E.164 number, phone number ID or ARN, pool
            ID, or ``"*"`` for the rest) to the messages per second one function container may send
            from it; sends and confirmations are paced to it. Default: none, paced by throttling alone.
        :param send_concurrency: sends one invocation makes at once. Default: 32.
        :param max_send_concurrency: most concurrent invocations the send queue starts (2 to 1000).
            Default: 2.
        """
        super().__init__(scope, construct_id)
        stack = Stack.of(self)
        numbers = phone_number_refs(stack, phone_number_ids)
        environment = RuntimeSettings(
            opt_out_keywords=opt_out_keywords,
            opt_in_keywords=opt_in_keywords,
            help_keywords=help_keywords,
            opt_out_words=opt_out_words,
            opt_out_phrases=opt_out_phrases,
            match_mode=match_mode,
            opt_out_scope=opt_out_scope,
            opt_out_confirmation=opt_out_confirmation,
            opt_in_confirmation=opt_in_confirmation,
            help_message=help_message,
            program_name=program_name,
            messages_per_second=messages_per_second,
        ).environment()
        if (
            isinstance(send_concurrency, bool)
            or not isinstance(send_concurrency, int)
            or not (1 <= send_concurrency <= MAX_CONCURRENCY)
        ):
            raise ValueError(
                f"send_concurrency: {send_concurrency!r} is not a whole number from 1 to {MAX_CONCURRENCY}"
            )
        if not 128 <= memory_size <= 10240:
            raise ValueError(f"memory_size: {memory_size} is outside Lambda's 128 to 10240 MB")

        self.encryption_key: kms.IKey = encryption_key or self._create_key()
        self.table = dynamodb.Table(
            self,
            "Table",
            table_name=table_name,
            partition_key=dynamodb.Attribute(name="PK", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="SK", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            deletion_protection=True,
            encryption=dynamodb.TableEncryption.AWS_MANAGED,
            removal_policy=removal_policy,
            time_to_live_attribute=TTL_ATTRIBUTE,
        )
        self.topic = sns.Topic(self, "InboundTopic", master_key=self.encryption_key, enforce_ssl=True)
        self.topic.add_to_resource_policy(
            iam.PolicyStatement(
                sid="EndUserMessagingSmsPublishes",
                principals=[iam.ServicePrincipal(SMS_SERVICE_PRINCIPAL)],
                actions=["sns:Publish"],
                resources=[self.topic.topic_arn],
                conditions={"StringEquals": {"aws:SourceAccount": stack.account}},
            )
        )
        self.dead_letter_queue = sqs.Queue(
            self,
            "DeadLetterQueue",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )

        environment["OPT_OUT_TABLE_NAME"] = self.table.table_name
        self.reply_function = self._function(
            "ReplyFunction", "process_reply.handler", environment, memory_size, timeout, log_retention
        )
        self.send_function = self._function(
            "SendFunction", "send_text_message.handler", environment, memory_size, timeout, log_retention
        )
        self.topic.add_subscription(
            subscriptions.LambdaSubscription(self.reply_function, dead_letter_queue=self.dead_letter_queue)
        )

        self.send_function.add_environment("SEND_CONCURRENCY", str(send_concurrency))
        self.send_queue = SendQueue(
            self,
            "SendQueue",
            function=self.send_function,
            timeout=timeout or DEFAULT_TIMEOUT,
            dead_letter_queue=self.dead_letter_queue,
            max_concurrency=max_send_concurrency,
        ).queue

        # A send of a batch that SendTextMessage refuses is kept there too (the results may go unread).
        self.send_function.add_environment("FAILED_SENDS_QUEUE_URL", self.dead_letter_queue.queue_url)
        self.dead_letter_queue.grant_send_messages(self.send_function)

        self.table.grant(self.reply_function, "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem")
        self.table.grant(self.send_function, "dynamodb:BatchGetItem")
        # Idempotency key records only: the sender can never write a customer's consent state.
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=list(IDEMPOTENCY_KEY_ACTIONS),
                resources=[self.table.table_arn],
                conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"{KEY_PREFIX}*"]}},
            )
        )
        send_resources = [n.arn for n in numbers]
        send_resources += [
            stack.format_arn(service="sms-voice", resource="opt-out-list", resource_name=name)
            for name in opt_out_list_names
        ]
        send_resources += [
            stack.format_arn(service="sms-voice", resource="configuration-set", resource_name=name)
            for name in configuration_set_names
        ]
        for function in (self.reply_function, self.send_function):
            function.add_to_role_policy(
                iam.PolicyStatement(actions=["sms-voice:SendTextMessage"], resources=send_resources)
            )
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["sms-voice:DescribePhoneNumbers"], resources=[n.arn for n in numbers]
            )
        )

        self.phone_numbers = [
            PhoneNumberConfiguration(
                self, f"PhoneNumber-{n.phone_number_id}", phone_number=n, topic=self.topic
            )
            for n in numbers
        ]
        self.alarms = self._alarms(alarm_topic)
        acknowledge_construct_findings(self)

    def grant_send(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let ``grantee`` invoke the guarded sender and queue sends (``lambda:InvokeFunction`` on it,
        ``sqs:SendMessage`` on ``send_queue``)."""
        invoke = iam.Grant.add_to_principal(
            grantee=grantee,
            actions=["lambda:InvokeFunction"],
            resource_arns=[self.send_function.function_arn],
        )
        return invoke.combine(
            iam.Grant.add_to_principal(
                grantee=grantee, actions=["sqs:SendMessage"], resource_arns=[self.send_queue.queue_arn]
            )
        )

    def grant_record_preferences(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let ``grantee`` (a web portal, a call-centre app) record opt-outs and opt-ins and read states.

        The table actions ``OptOutRegistry.opt_out``, ``opt_in``, ``status`` and ``is_opted_out``
        need, on the table alone: no delete, no scan.
        """
        return self.table.grant(grantee, *RECORD_PREFERENCES_ACTIONS)

    def grant_read_preferences(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let ``grantee`` (an auditor, a reporting job) read states, the audit trail and exports.

        The table actions ``OptOutRegistry.status``, ``history`` and ``sms-opt-out export`` need;
        nothing that writes.
        """
        return self.table.grant(grantee, *READ_PREFERENCES_ACTIONS)

    def _create_key(self) -> kms.Key:
        key = kms.Key(
            self,
            "Key",
            description="Encrypts the inbound two-way SMS topic",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.RETAIN,
        )
        stack = Stack.of(self)
        key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="EndUserMessagingSmsPublishesToTheTopic",
                principals=[iam.ServicePrincipal(SMS_SERVICE_PRINCIPAL)],
                actions=["kms:GenerateDataKey*", "kms:Decrypt"],
                resources=["*"],
                conditions={"StringEquals": {"aws:SourceAccount": stack.account}},
            )
        )
        return key

    def _function(
        self,
        construct_id: str,
        handler: str,
        environment: dict[str, str],
        memory_size: int,
        timeout: Duration | None,
        log_retention: logs.RetentionDays,
    ) -> lambda_.Function:
        log_group = logs.LogGroup(
            self, f"{construct_id}Logs", retention=log_retention, removal_policy=RemovalPolicy.RETAIN
        )
        # A role of its own, allowed to write to its own log group only (no AWS managed policy).
        role = iam.Role(self, f"{construct_id}Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        log_group.grant_write(role)
        return lambda_.Function(
            self,
            construct_id,
            runtime=RUNTIME,
            architecture=lambda_.Architecture.ARM_64,
            handler=handler,
            code=lambda_code(),
            memory_size=memory_size,
            timeout=timeout or DEFAULT_TIMEOUT,
            environment=environment,
            role=role,
            log_group=log_group,
            logging_format=lambda_.LoggingFormat.JSON,
            tracing=lambda_.Tracing.ACTIVE,
            on_failure=destinations.SqsDestination(self.dead_letter_queue),
            retry_attempts=2,
        )

    def _alarms(self, alarm_topic: sns.ITopic | None) -> list[cloudwatch.Alarm]:
        alarms = [
            self.dead_letter_queue.metric_approximate_number_of_messages_visible(
                period=Duration.minutes(1), statistic="Maximum"
            ).create_alarm(
                self,
                "DeadLetterQueueNotEmpty",
                alarm_description="A reply or send could not be processed: it waits in the dead-letter queue",
                threshold=1,
                evaluation_periods=1,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            )
        ]
        for name, function in (
            ("ReplyFunctionErrors", self.reply_function),
            ("SendFunctionErrors", self.send_function),
        ):
            alarms.append(
                function.metric_errors(period=Duration.minutes(1), statistic="Sum").create_alarm(
                    self,
                    name,
                    alarm_description=f"{name[:-6]} raised an error",
                    threshold=1,
                    evaluation_periods=1,
                    comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                    treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
                )
            )
        if alarm_topic is not None:
            for alarm in alarms:
                alarm.add_alarm_action(cloudwatch_actions.SnsAction(alarm_topic))
        return alarms
