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
import aws_cdk.aws_smsvoice as smsvoice
import aws_cdk.aws_sns as sns
import aws_cdk.aws_sns_subscriptions as subscriptions
import aws_cdk.aws_sqs as sqs
from aws_cdk import Annotations, CfnResource, Duration, RemovalPolicy, Stack
from constructs import Construct

from opt_out_stack import function_environment, prop_validation
from opt_out_stack.compliance_acknowledgments import acknowledge_construct_findings
from opt_out_stack.dead_letter_queues import DeadLetterQueue
from opt_out_stack.implied_dependencies import drop_provider_role_dependency, drop_role_dependency
from opt_out_stack.lambda_asset import lambda_code
from opt_out_stack.observability import Observability
from opt_out_stack.phone_number_configuration import configure_one_after_another
from opt_out_stack.phone_numbers import PhoneNumberRef, phone_number_refs
from opt_out_stack.pool_configuration import (
    PoolRef,
    configure_in_app,
    configure_pools_one_after_another,
    in_app_resources,
    pool_refs,
)
from opt_out_stack.prop_validation import PropError
from opt_out_stack.runtime_settings import RuntimeSettings
from opt_out_stack.send_queue import SendQueue
from opt_out_stack.text_parts import warn_multipart_texts
from opt_out_stack.topic_encryption import SMS_SERVICE_PRINCIPAL, topic_key
from sms_opt_out.deployed_stack import RESOURCE_MARKER
from sms_opt_out.dispatch import DEFAULT_CONCURRENCY
from sms_opt_out.idempotency import KEY_PREFIX
from sms_opt_out.metrics import DEFAULT_NAMESPACE
from sms_opt_out.shared_rates import KEY_PREFIX as RATE_KEY_PREFIX
from sms_opt_out.unrecognised_replies import EXPIRES_AT_ATTRIBUTE

DEFAULT_TIMEOUT_SECONDS = 30
RUNTIME = lambda_.Runtime.PYTHON_3_14
RECORD_PREFERENCES_ACTIONS = ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem")
"""What ``OptOutRegistry.opt_out``, ``opt_in``, ``status`` and ``is_opted_out`` call."""
READ_PREFERENCES_ACTIONS = ("dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan")
"""What ``OptOutRegistry.status``, ``history`` and the CLI's ``export`` call."""
IDEMPOTENCY_KEY_ACTIONS = ("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:GetItem")
"""What the sender does to its key records, and only to items whose PK starts with ``IDEMPOTENCY#``."""
DEFAULT_MAX_SEND_CONCURRENCY = 2
SEND_ACTIONS = ("sms-voice:SendTextMessage", "sms-voice:SendMediaMessage")
"""What the guarded sender calls: texts, and MMS for a request with ``MediaUrls``."""


class SmsOptOut(Construct):
    """Records and honours SMS opt-outs for phone numbers and pools, with self-managed opt-outs on.

    Provisions the ``SMSOptOut`` table, the inbound (two-way) topic, the reply processor, the
    guarded sender, two dead-letter queues, alarms, a dashboard, and one custom resource per existing
    phone number or pool that turns on two-way SMS to the topic and self-managed opt-outs (and turns
    both off on delete); numbers and pools the app defines itself get both through their own properties.
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        phone_number_ids: Sequence[str] = (),
        pool_ids: Sequence[str] = (),
        phone_numbers: Sequence[smsvoice.CfnPhoneNumber] = (),
        pools: Sequence[smsvoice.CfnPool] = (),
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
        revocation_policy: str | None = None,
        opt_out_scope: str | None = None,
        opt_out_confirmation: str | None = None,
        opt_in_confirmation: str | None = None,
        help_message: str | None = None,
        clarification_message: str | None = None,
        program_name: str | None = None,
        support_contact: str | None = None,
        message_frequency: str | None = None,
        languages: Sequence[str] | None = None,
        language_settings: Mapping[str, Mapping[str, object]] | None = None,
        configuration_set_names: Sequence[str] = (),
        protect_configuration_ids: Sequence[str] = (),
        memory_size: int = 256,
        timeout: Duration | None = None,
        reply_reserved_concurrency: int | None = None,
        send_reserved_concurrency: int | None = None,
        log_retention: logs.RetentionDays = logs.RetentionDays.ONE_YEAR,
        messages_per_second: Mapping[str, float] | None = None,
        send_concurrency: int = DEFAULT_CONCURRENCY,
        max_send_concurrency: int = DEFAULT_MAX_SEND_CONCURRENCY,
        metrics_namespace: str = DEFAULT_NAMESPACE,
        dashboard_name: str | None = None,
        tracing: lambda_.Tracing = lambda_.Tracing.ACTIVE,
    ) -> None:
        """Create the opt-out system.

        :param phone_number_ids: IDs (``phone-`` and 32 hex characters) or ARNs of the existing
            numbers to configure (not numbers of a configured pool: the pool governs them). Default:
            none. No two ``SmsOptOut`` of one app may configure the same number or pool.
        :param pool_ids: IDs (``pool-`` and 32 hex characters) or ARNs of existing phone pools to
            configure with ``UpdatePool``; an opt-out to any number of a pool counts for the pool.
            Default: none.
        :param phone_numbers: ``aws_smsvoice.CfnPhoneNumber`` resources of the app: the construct
            sets their ``two_way`` and ``self_managed_opt_outs_enabled``. Default: none.
        :param pools: ``aws_smsvoice.CfnPool`` resources of the app, set the same way (their
            numbers are left as the app wrote them). Default: none. At least one of
            ``phone_number_ids``, ``pool_ids``, ``phone_numbers`` and ``pools`` is required.
        :param table_name: physical table name (DynamoDB's rules). Default: generated, so
            instances never collide.
        :param removal_policy: what a stack deletion does to the table. Default: RETAIN (compliance
            evidence). DESTROY also turns the table's deletion protection off.
        :param encryption_key: symmetric KMS key of the inbound topic. Default: a new key with
            rotation on. A ``kms.Key`` of your app gets the statement letting End User Messaging SMS
            use it; an imported key gets a warning naming the statement its policy needs.
        :param alarm_topic: where alarms notify. Default: alarms are created without actions.
        :param opt_out_keywords: English whole-message opt-out keywords. Default: STOP, CANCEL, ...
            STOP must opt out: here, or (match mode WORD) among ``opt_out_words``.
        :param opt_in_keywords: English whole-message opt-in keywords; never STOP. Default: JOIN,
            START, UNSTOP.
        :param help_keywords: English whole-message help keywords; never STOP. Default: HELP, INFO.
        :param opt_out_words: English revocation words matched anywhere in a reply. Default: the FCC's seven.
        :param opt_out_phrases: English opt-out phrases matched anywhere. Default: "leave me alone", ...
        :param match_mode: WORD or EXACT. Default: WORD.
        :param revocation_policy: STRICT (the FCC's seven words revoke wherever they appear in a reply)
            or CONTEXTUAL (for conversational programs: they revoke when used about the messages or
            alone; a reply using them clearly about something else, "which bus stop?", is AMBIGUOUS:
            kept for review and answered once with ``clarification_message``). Default: STRICT.
        :param opt_out_scope: ALL (an opt-out blocks every number sharing the table) or ORIGINATION
            (the number it was sent to: the AWS sample's, short of the FCC's revoke-all rule from
            2027-01-31). Default: ALL.
        :param opt_out_confirmation: English text answering an opt-out. Default: the runtime's.
        :param opt_in_confirmation: English text answering an opt-in. Default: the runtime's.
        :param help_message: English text answering HELP. Default: names the program, the support
            contact, the message frequency, STOP and START.
        :param clarification_message: English answer to an AMBIGUOUS reply (policy CONTEXTUAL).
            Default: names the program and says to reply STOP to stop all messages.
        :param program_name: the program named in the default texts. Default: "SMS alerts".
        :param support_contact: phone number, email or URL the default HELP texts give. Default:
            none, with a synthesis warning (CTIA wants it in the HELP answer).
        :param message_frequency: disclosed in the default opt-in and HELP texts, in every language
            unless ``language_settings`` translates it. Default: "Msg frequency varies", translated.
        :param languages: language codes whose keywords are understood and answered in kind: en (always
            on), es, fr. Default: all three.
        :param language_settings: per language other than English, the same keyword and text props
            (``{"fr": {"help_message": "...", "opt_out_keywords": [...]}}``) plus ``message_frequency``.
            Default: the built-in keywords and texts.
        :param configuration_set_names: configuration sets send requests may name. Default: none.
        :param protect_configuration_ids: protect configurations send requests may name. Default: none.
        :param memory_size: MB for each function. Default: 256.
        :param timeout: per invocation, 1 to 900 seconds. Default: 30 seconds.
        :param reply_reserved_concurrency: concurrent executions reserved for (and capping) the
            reply function. Default: unreserved.
        :param send_reserved_concurrency: the same for the send function; a cap also bounds the
            rate at which it can call SendTextMessage. Default: unreserved.
        :param log_retention: of the functions' logs. Default: one year.
        :param messages_per_second: origination identity (E.164 number, phone number ID or ARN, pool
            ID, or ``"*"`` for the rest) to the messages per second one function container may send
            from it; sends and confirmations are paced to it. Default: none, paced by throttling alone.
        :param send_concurrency: sends one invocation makes at once. Default: 32.
        :param max_send_concurrency: most concurrent invocations the send queue starts (2 to 1000).
            Default: 2.
        :param metrics_namespace: CloudWatch namespace of the outcome metrics. Default: "SmsOptOut".
        :param dashboard_name: name of the CloudWatch dashboard. Default: generated.
        :param tracing: X-Ray tracing of both functions. Default: ACTIVE.
        """
        given = locals()
        prop_validation.check_prop_types({prop: given[prop] for prop in prop_validation.PROP_TYPES})
        super().__init__(scope, construct_id)
        stack = Stack.of(self)
        numbers = phone_number_refs(stack, phone_number_ids)
        pool_list = pool_refs(stack, pool_ids)
        in_app_numbers = in_app_resources("phone_numbers", phone_numbers, smsvoice.CfnPhoneNumber)
        in_app_pools = in_app_resources("pools", pools, smsvoice.CfnPool)
        if not (numbers or pool_list or in_app_numbers or in_app_pools):
            raise PropError(
                "phone_number_ids",
                list(phone_number_ids),
                "is empty, and so are pool_ids, phone_numbers and pools",
                "give at least one number or pool to configure",
            )
        self._refuse_numbers_configured_elsewhere(numbers, pool_list)
        environment = RuntimeSettings(
            opt_out_keywords=opt_out_keywords,
            opt_in_keywords=opt_in_keywords,
            help_keywords=help_keywords,
            opt_out_words=opt_out_words,
            opt_out_phrases=opt_out_phrases,
            match_mode=match_mode,
            revocation_policy=revocation_policy,
            opt_out_scope=opt_out_scope,
            opt_out_confirmation=opt_out_confirmation,
            opt_in_confirmation=opt_in_confirmation,
            help_message=help_message,
            clarification_message=clarification_message,
            program_name=program_name,
            messages_per_second=messages_per_second,
            support_contact=support_contact,
            message_frequency=message_frequency,
            languages=languages,
            language_settings=language_settings,
            metrics_namespace=metrics_namespace,
        ).environment()
        warn_multipart_texts(self, environment)
        if support_contact is None:
            Annotations.of(self).add_warning_v2(
                "sms-opt-out:supportContactMissing",
                "support_contact is not set: the default HELP answer gives no customer-care contact, which "
                "the CTIA requires. Set support_contact to a phone number, email address or URL.",
            )
        prop_validation.send_concurrency(send_concurrency)
        prop_validation.max_send_concurrency(max_send_concurrency)
        prop_validation.memory_size(memory_size)
        prop_validation.tracing(tracing)
        timeout = prop_validation.timeout_seconds(timeout, DEFAULT_TIMEOUT_SECONDS)
        concurrency = {
            "ReplyFunction": prop_validation.reserved_concurrency(
                "reply_reserved_concurrency", reply_reserved_concurrency
            ),
            "SendFunction": prop_validation.reserved_concurrency(
                "send_reserved_concurrency", send_reserved_concurrency
            ),
        }
        configuration_sets = prop_validation.resource_names(
            "configuration_set_names", configuration_set_names, "marketing"
        )
        protect_configurations = prop_validation.resource_names(
            "protect_configuration_ids", protect_configuration_ids, "protect-0123456789abcdef0123456789abcdef"
        )

        self.encryption_key: kms.IKey = topic_key(self, encryption_key)
        self.table = dynamodb.Table(
            self,
            "Table",
            table_name=prop_validation.table_name(table_name),
            partition_key=dynamodb.Attribute(name="PK", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="SK", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            deletion_protection=removal_policy != RemovalPolicy.DESTROY,
            # Idempotency keys and unrecognised replies kept for review (nothing of the audit trail)
            # expire by it: one attribute, ExpiresAt, for every item that expires.
            time_to_live_attribute=EXPIRES_AT_ATTRIBUTE,
            encryption=dynamodb.TableEncryption.AWS_MANAGED,
            removal_policy=removal_policy,
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
        # The reply queue keeps the construct ID of the single queue of earlier versions, so an
        # upgrade keeps what waits there.
        self.reply_dead_letter_queue = DeadLetterQueue(
            self, "DeadLetterQueue", what="A reply (perhaps a STOP)"
        )
        self.send_dead_letter_queue = DeadLetterQueue(self, "SendDeadLetterQueue", what="A send")

        environment["OPT_OUT_TABLE_NAME"] = self.table.table_name
        self._variables = {"ReplyFunction": dict(environment), "SendFunction": dict(environment)}
        """Each function's environment variables, measured against Lambda's 4 KB once all are set."""
        self.reply_function = self._function(
            "ReplyFunction", "process_reply.handler", environment, memory_size, timeout, log_retention,
            self.reply_dead_letter_queue, concurrency["ReplyFunction"], tracing,
        )  # fmt: skip
        self.send_function = self._function(
            "SendFunction", "send_text_message.handler", environment, memory_size, timeout, log_retention,
            self.send_dead_letter_queue, concurrency["SendFunction"], tracing,
        )  # fmt: skip
        subscription = self.topic.add_subscription(
            subscriptions.LambdaSubscription(
                self.reply_function, dead_letter_queue=self.reply_dead_letter_queue
            )
        )

        # Every failed send ends on one queue: a send of a batch that SendTextMessage refuses too.
        self._add_environment(
            self.send_function, "FAILED_SENDS_QUEUE_URL", self.send_dead_letter_queue.queue_url
        )
        self.send_dead_letter_queue.grant_send_messages(self.send_function)

        # Query: a STOP reads the customer's history under the lease (was an earlier opt-out answered?).
        self.table.grant(
            self.reply_function,
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:GetItem",
            "dynamodb:Query",
        )
        self.table.grant(self.send_function, "dynamodb:BatchGetItem")
        # Idempotency key records only: the sender can never write a customer's consent state.
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=list(IDEMPOTENCY_KEY_ACTIONS),
                resources=[self.table.table_arn],
                conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"{KEY_PREFIX}*"]}},
            )
        )
        # Rate leases only (RATE#<identity>): the containers sending from a number share its rate.
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["dynamodb:UpdateItem"],
                resources=[self.table.table_arn],
                conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"{RATE_KEY_PREFIX}*"]}},
            )
        )
        number_arns = [n.arn for n in numbers] + [n.attr_arn for n in in_app_numbers]
        pool_arns = [p.arn for p in pool_list] + [p.attr_arn for p in in_app_pools]
        self._grant_send_text_message(
            stack, number_arns, pool_arns, configuration_sets, protect_configurations
        )
        self._grant_replies_from(stack, [n.arn for n in numbers], in_app_numbers, pool_list, pool_arns)
        self._add_environment(self.send_function, "SEND_CONCURRENCY", str(send_concurrency))
        self.send_queue = SendQueue(
            self,
            "SendQueue",
            function=self.send_function,
            timeout=timeout,
            dead_letter_queue=self.send_dead_letter_queue,
            max_concurrency=max_send_concurrency,
        ).queue
        # What a direct batch cannot send in time goes to the send queue, which sends it (QUEUED).
        self.send_function.add_environment("SEND_QUEUE_URL", self.send_queue.queue_url)
        self.send_queue.grant(self.send_function, "sqs:SendMessage")

        # Self-managed opt-outs come on only once a STOP can be received (and go off first on delete).
        permissions = [c for c in self.reply_function.node.children if isinstance(c, lambda_.CfnPermission)]
        receivable = [self.topic.node.find_child("Policy"), subscription, *permissions]
        self.phone_numbers = configure_one_after_another(self, numbers, topic=self.topic, after=receivable)
        self.pools = configure_pools_one_after_another(
            self, pool_list, topic=self.topic, after=[*receivable, *self.phone_numbers[-1:]]
        )
        configure_in_app([*in_app_numbers, *in_app_pools], topic=self.topic, after=receivable)
        known = {c.phone_number.phone_number_id: c.e164_number for c in self.phone_numbers}
        # Each number's type and country, in the order of ORIGINATION_NUMBERS (a list: no ID twice),
        # for AWS's published rate where DescribePhoneNumbers reports none.
        types = {c.phone_number.phone_number_id: c.number_type for c in self.phone_numbers}
        for number in in_app_numbers:
            known[number.attr_phone_number_id] = number.attr_phone_number
            types[number.attr_phone_number_id] = f"{number.number_type}/{number.iso_country_code}"
        self._add_environment(self.send_function, "ORIGINATION_NUMBERS", stack.to_json_string(known))
        self._add_environment(
            self.send_function, "NUMBER_TYPES", stack.to_json_string([types[k] for k in known])
        )
        # The reply function cannot reference an in-app pool (which depends on the function's
        # subscription): replies to its numbers are recorded for the number, and the sender, which
        # knows the pool, still treats it as one origination.
        self._add_environment(
            self.reply_function, "POOL_IDS", stack.to_json_string([p.pool_id for p in pool_list])
        )
        self._add_environment(
            self.send_function,
            "POOL_IDS",
            stack.to_json_string([p.pool_id for p in pool_list] + [p.attr_pool_id for p in in_app_pools]),
        )
        self.observability = Observability(
            self,
            "Observability",
            namespace=metrics_namespace,
            reply_function=self.reply_function,
            send_function=self.send_function,
            dead_letter_queues=[self.reply_dead_letter_queue, self.send_dead_letter_queue],
            dashboard_name=dashboard_name,
            alarm_topic=alarm_topic,
        )
        self.dashboard = self.observability.dashboard
        self._check_environment_sizes(table_name, numbers, in_app_numbers, pool_list, in_app_pools, given)
        self.alarms = self._alarms(alarm_topic) + self.observability.alarms
        self._mark_for_the_cli()
        drop_provider_role_dependency(stack)
        acknowledge_construct_findings(self, traced=tracing is not lambda_.Tracing.DISABLED)

    def _add_environment(self, function: lambda_.Function, name: str, value: str) -> None:
        function.add_environment(name, value)
        self._variables[function.node.id][name] = value

    def _check_environment_sizes(
        self,
        table_name: str | None,
        numbers: Sequence[PhoneNumberRef],
        in_app_numbers: Sequence[smsvoice.CfnPhoneNumber],
        pools: Sequence[PoolRef],
        in_app_pools: Sequence[smsvoice.CfnPool],
        props: Mapping[str, object],
    ) -> None:
        """Each function's variables within Lambda's 4 KB, with each deploy-time value at its longest."""
        e164 = "+" + "9" * (function_environment.MAX_E164 - 1)
        phone_id, pool_id = function_environment.ID_LENGTH["phone"], function_environment.ID_LENGTH["pool"]
        bounds = {
            "OPT_OUT_TABLE_NAME": len(table_name) if table_name else function_environment.MAX_TABLE_NAME,
            "FAILED_SENDS_QUEUE_URL": function_environment.MAX_QUEUE_URL,
            "ORIGINATION_NUMBERS": function_environment.json_bound(
                {n.phone_number_id: e164 for n in numbers}
                | {str(i).rjust(phone_id, "x"): e164 for i in range(len(in_app_numbers))}
            ),
            "NUMBER_TYPES": function_environment.json_bound(
                [function_environment.LONGEST_NUMBER_TYPE] * (len(numbers) + len(in_app_numbers))
            ),
            "POOL_IDS": function_environment.json_bound(
                [p.pool_id for p in pools] + ["x" * pool_id] * len(in_app_pools)
            ),
        }
        for function, variables in self._variables.items():
            function_environment.check_environment_size(function, variables, bounds, props)

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

    def _mark_for_the_cli(self) -> None:
        """``sms-opt-out --stack`` finds the construct's resources in any stack by this metadata."""
        marked = {
            "table": self.table,
            "reply-function": self.reply_function,
            "send-function": self.send_function,
            "reply-dead-letter-queue": self.reply_dead_letter_queue,
            "send-dead-letter-queue": self.send_dead_letter_queue,
        }
        for role, construct in marked.items():
            resource = construct.node.default_child
            assert isinstance(resource, CfnResource)
            resource.add_metadata(RESOURCE_MARKER, {"role": role, "construct": self.node.path})

    def _refuse_numbers_configured_elsewhere(
        self, numbers: Sequence[PhoneNumberRef], pools: Sequence[PoolRef]
    ) -> None:
        """Two instances on one number or pool: the last update wins and one table never sees replies."""
        ours = {n.phone_number_id for n in numbers}
        our_pools = {p.pool_id for p in pools}
        others = [c for c in self.node.root.node.find_all() if isinstance(c, SmsOptOut) and c is not self]
        for other in others:
            for prop, shared in (
                (
                    "phone_number_ids",
                    sorted(ours & {c.phone_number.phone_number_id for c in other.phone_numbers}),
                ),
                ("pool_ids", sorted(our_pools & {c.pool.pool_id for c in other.pools})),
            ):
                if shared:
                    raise PropError(
                        prop,
                        shared,
                        f"are already configured by {other.node.path}",
                        "configure each number and pool in one SmsOptOut only (share its table instead)",
                    )

    def _grant_replies_from(
        self,
        stack: Stack,
        number_arns: Sequence[str],
        in_app_numbers: Sequence[smsvoice.CfnPhoneNumber],
        pools: Sequence[PoolRef],
        pool_arns: Sequence[str],
    ) -> None:
        """SendTextMessage for the reply function's answers, from the number each reply was sent to, and
        the membership of the ``pool_ids`` pools (whose replies count for the pool)."""
        if pools:
            self.reply_function.add_to_role_policy(
                iam.PolicyStatement(
                    actions=["sms-voice:ListPoolOriginationIdentities"], resources=[p.arn for p in pools]
                )
            )
        reply_from = list(number_arns)
        self.reply_from_any_number: str | None = None
        """The account's numbers in the region, when a reply may come to a pool's number (not known
        at synthesis)."""
        if pool_arns:
            self.reply_from_any_number = stack.format_arn(
                service="sms-voice", resource="phone-number", resource_name="*"
            )
            reply_from.append(self.reply_from_any_number)
        if reply_from:
            self.reply_function.add_to_role_policy(
                iam.PolicyStatement(actions=["sms-voice:SendTextMessage"], resources=reply_from)
            )
        if in_app_numbers and not pool_arns:
            # A policy of its own: the numbers depend on the function, so its default policy cannot name them.
            assert self.reply_function.role is not None, "a function the construct creates has a role"
            self.reply_function.role.attach_inline_policy(
                iam.Policy(
                    self,
                    "ReplyFromInAppNumbers",
                    statements=[
                        iam.PolicyStatement(
                            actions=["sms-voice:SendTextMessage"],
                            resources=[n.attr_arn for n in in_app_numbers],
                        )
                    ],
                )
            )

    def _grant_send_text_message(
        self,
        stack: Stack,
        number_arns: Sequence[str],
        pool_arns: Sequence[str],
        configuration_sets: Sequence[str],
        protect_configurations: Sequence[str],
    ) -> None:
        """Sending on the resource types it authorizes against, as named by the props; pool lookups."""
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=list(SEND_ACTIONS),
                resources=[
                    *number_arns,
                    *pool_arns,
                    *(
                        stack.format_arn(
                            service="sms-voice", resource="configuration-set", resource_name=name
                        )
                        for name in configuration_sets
                    ),
                    *(
                        stack.format_arn(
                            service="sms-voice", resource="protect-configuration", resource_name=i
                        )
                        for i in protect_configurations
                    ),
                ],
            )
        )
        if number_arns:
            self.send_function.add_to_role_policy(
                iam.PolicyStatement(actions=["sms-voice:DescribePhoneNumbers"], resources=list(number_arns))
            )
        if pool_arns:
            self.send_function.add_to_role_policy(
                iam.PolicyStatement(
                    actions=["sms-voice:ListPoolOriginationIdentities"], resources=list(pool_arns)
                )
            )

    def _function(
        self,
        construct_id: str,
        handler: str,
        environment: dict[str, str],
        memory_size: int,
        timeout: Duration,
        log_retention: logs.RetentionDays,
        dead_letter_queue: sqs.IQueue,
        reserved_concurrency: int | None,
        tracing: lambda_.Tracing,
    ) -> lambda_.Function:
        log_group = logs.LogGroup(
            self, f"{construct_id}Logs", retention=log_retention, removal_policy=RemovalPolicy.RETAIN
        )
        # A role of its own, allowed to write to its own log group only (no AWS managed policy).
        role = iam.Role(self, f"{construct_id}Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        log_group.grant_write(role)
        function = lambda_.Function(
            self,
            construct_id,
            runtime=RUNTIME,
            architecture=lambda_.Architecture.ARM_64,
            handler=handler,
            code=lambda_code(),
            memory_size=memory_size,
            timeout=timeout,
            environment=dict(environment),
            role=role,
            log_group=log_group,
            logging_format=lambda_.LoggingFormat.JSON,
            tracing=tracing,
            on_failure=destinations.SqsDestination(dead_letter_queue),
            retry_attempts=2,
            reserved_concurrent_executions=reserved_concurrency,
        )
        drop_role_dependency(function)
        return function

    def _alarms(self, alarm_topic: sns.ITopic | None) -> list[cloudwatch.Alarm]:
        alarms = [self.reply_dead_letter_queue.not_empty_alarm, self.send_dead_letter_queue.not_empty_alarm]
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
