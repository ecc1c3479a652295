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
from opt_out_stack.configured_numbers import PhoneNumberRef, phone_number_refs
from opt_out_stack.dead_letter_queues import DeadLetterQueue
from opt_out_stack.delivery_events import DeliveryEvents, watch_delivery
from opt_out_stack.implied_dependencies import drop_provider_role_dependency, drop_role_dependency
from opt_out_stack.lambda_asset import lambda_code
from opt_out_stack.observability import Observability
from opt_out_stack.opt_out_list_removal import grant_opt_out_list_removal
from opt_out_stack.phone_number_configuration import configure_one_after_another
from opt_out_stack.pool_configuration import (
    PoolRef,
    configure_in_app,
    configure_pools_one_after_another,
    in_app_resources,
    pool_refs,
)
from opt_out_stack.prop_validation import PropError
from opt_out_stack.rcs_agents import (
    ResourceRef,
    configure_agents_one_after_another,
    configure_in_app_agents,
    grant_rcs_and_notify,
    in_app_agents,
    notify_configuration_refs,
    rcs_agent_refs,
)
from opt_out_stack.runtime_props import RuntimeSettings
from opt_out_stack.send_queue import SendQueue
from opt_out_stack.text_parts import warn_multipart_texts
from opt_out_stack.topic_encryption import SMS_SERVICE_PRINCIPAL, topic_key
from sms_opt_out.metrics import DEFAULT_NAMESPACE
from sms_opt_out.ops.deployed_stack import RESOURCE_MARKER
from sms_opt_out.send.dispatch import DEFAULT_CONCURRENCY
from sms_opt_out.settings import DEFAULT_CONFIGURATION_SET_VARIABLE
from sms_opt_out.sms.opt_out_list_removal import LIST_NUMBERS_VARIABLE
from sms_opt_out.storage.frequency_caps import KEY_PREFIX as CAP_PREFIX
from sms_opt_out.storage.idempotency import KEY_PREFIX
from sms_opt_out.storage.opt_out_store import AWS_LIST_PREFIX
from sms_opt_out.storage.shared_rates import KEY_PREFIX as RATE_KEY_PREFIX
from sms_opt_out.storage.unrecognised_replies import EXPIRES_AT_ATTRIBUTE

DEFAULT_TIMEOUT_SECONDS = 30
RUNTIME = lambda_.Runtime.PYTHON_3_14
RECORD_PREFERENCES_ACTIONS = ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem")
"""What ``OptOutRegistry.opt_out``, ``opt_in``, ``status`` and ``is_opted_out`` call."""
READ_PREFERENCES_ACTIONS = ("dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan")
"""What ``OptOutRegistry.status``, ``history`` and the CLI's ``export`` call."""
IDEMPOTENCY_KEY_ACTIONS = ("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:GetItem")
"""What the sender does to its key records and cap records, and only to items whose PK starts with
``IDEMPOTENCY#`` or ``CAP#``."""
REPLY_TABLE_ACTIONS = (
    "dynamodb:BatchGetItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
)
"""What the reply function does to the table: reads a receipt (GetItem), for a STOP under the lease
the customer's history (Query: was an earlier opt-out answered?), and for a START the customer's AWS
opt-out list records (BatchGetItem, as the registry reads state); writes receipts, history and
unrecognised replies (PutItem, also inside its TransactWriteItems), state, leases, outcomes and
confirmations (UpdateItem, also inside TransactWriteItems). No delete, no scan."""
SEND_TABLE_ACTIONS = ("dynamodb:BatchGetItem",)
"""What the sender does to customers' items: reads their consent."""
AWS_OPT_OUT_RECORD_CONDITIONS = {
    "ForAllValues:StringLike": {
        "dynamodb:LeadingKeys": ["+*"],
        "dynamodb:Attributes": ["PK", "SK", f"{AWS_LIST_PREFIX}*"],
    },
    "StringEqualsIfExists": {"dynamodb:ReturnValues": "NONE"},
}
"""The one write the sender makes to a customer's items: an opt-out learned from an AWS opt-out list
(``aws_opt_out_lists``), an ``AWSLIST#`` attribute of the state item, which every read takes for an
opt-out whatever it holds: the sender can add an opt-out, never record consent or touch another
attribute. (An UpdateItem naming no attribute writes only the key.)"""
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
        rcs_agent_ids: Sequence[str] = (),
        rcs_agents: Sequence[smsvoice.CfnRcsAgent] = (),
        notify_configuration_ids: Sequence[str] = (),
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
        send_rules: str = "PROMOTIONAL",
        quiet_hours: Mapping[str, str] | None = None,
        frequency_caps: Mapping[str, int] | None = None,
        retry_capped: bool = False,
        delivery_events: bool = True,
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
            numbers are left as the app wrote them). Default: none.
        :param rcs_agent_ids: IDs or ARNs of existing RCS agents to configure with ``UpdateRcsAgent``
            (two-way to the topic, self-managed opt-outs), after the numbers and pools; an agent in a
            configured pool is one origination with its numbers. Default: none.
        :param rcs_agents: ``aws_smsvoice.CfnRcsAgent`` resources of the app, set through their own
            properties. Default: none. At least one of ``phone_number_ids``, ``pool_ids``,
            ``phone_numbers``, ``pools``, ``rcs_agent_ids`` and ``rcs_agents`` is required.
        :param notify_configuration_ids: IDs or ARNs of Notify configurations the send function may
            send through (``SendNotifyTextMessage``); each one's pool must be among the configured
            pools for its sends to be checked. Default: none.
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
        :param opt_out_phrases: English opt-out phrases matched anywhere. Default: "opt me out".
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
        :param send_rules: which requests of the sender keep the sending hours of the law and the
            frequency caps (README, "Quiet hours and frequency caps"): ``PROMOTIONAL`` (those with
            ``MessageType`` ``PROMOTIONAL``), ``ALL`` (every request not marked ``TRANSACTIONAL``) or
            ``OFF`` (a program that sends no marketing). Default: PROMOTIONAL.
        :param quiet_hours: the user's quiet period per place, in the recipient's local time,
            ``{"*": "21:00-09:00", "US": "20:00-10:00", "US-CA": "20:00-10:00"}``; the most specific
            place applies, on top of the law. Default: none.
        :param frequency_caps: most promotional messages per person in 24 hours, per place
            (``{"*": 5, "US-TX": 2}``); a law's lower cap (3 in FL, OK, MD) still applies. Default: the
            laws' caps only.
        :param retry_capped: a CAPPED request of the send queue comes back when its next slot
            opens, instead of being final. Default: False.
        :param delivery_events: a configuration set publishing every text's final delivery event to
            a topic of the construct, named by the sender on every send that names none, and a
            function recording each event, suppressing invalid and repeatedly blocked numbers, and
            counting delivery per number (dashboard, blocked-or-spam alarms). Default: True.
        """
        given = locals()
        prop_validation.check_prop_types({prop: given[prop] for prop in prop_validation.PROP_TYPES})
        super().__init__(scope, construct_id)
        stack = Stack.of(self)
        numbers = phone_number_refs(stack, phone_number_ids)
        pool_list = pool_refs(stack, pool_ids)
        in_app_numbers = in_app_resources("phone_numbers", phone_numbers, smsvoice.CfnPhoneNumber)
        in_app_pools = in_app_resources("pools", pools, smsvoice.CfnPool)
        agent_list = rcs_agent_refs(stack, rcs_agent_ids)
        in_app_agent_list = in_app_agents(rcs_agents)
        notify_list = notify_configuration_refs(stack, notify_configuration_ids)
        if not (numbers or pool_list or in_app_numbers or in_app_pools or agent_list or in_app_agent_list):
            raise PropError(
                "phone_number_ids",
                list(phone_number_ids),
                "is empty, and so are pool_ids, phone_numbers, pools, rcs_agent_ids and rcs_agents",
                "give at least one number, pool or RCS agent to configure",
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
        send_rule_environment = {
            "SEND_RULES": prop_validation.send_rules(send_rules),
            "RETRY_CAPPED": str(prop_validation.flag("retry_capped", retry_capped)).lower(),
        }
        if quiet_hours is not None:
            send_rule_environment["QUIET_HOURS"] = prop_validation.quiet_hours(quiet_hours)
        if frequency_caps is not None:
            send_rule_environment["FREQUENCY_CAPS"] = prop_validation.frequency_caps(frequency_caps)
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

        self.table.grant(self.reply_function, *REPLY_TABLE_ACTIONS)
        self.table.grant(self.send_function, *SEND_TABLE_ACTIONS)
        # Idempotency key and cap records only: the sender can never write a customer's consent state.
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=list(IDEMPOTENCY_KEY_ACTIONS),
                resources=[self.table.table_arn],
                conditions={
                    "ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"{KEY_PREFIX}*", f"{CAP_PREFIX}*"]}
                },
            )
        )
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["dynamodb:UpdateItem"],
                resources=[self.table.table_arn],
                conditions=AWS_OPT_OUT_RECORD_CONDITIONS,
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
        self.delivery_function: lambda_.Function | None = None
        self.delivery_dead_letter_queue: DeadLetterQueue | None = None
        self.delivery_events: DeliveryEvents | None = None
        if delivery_events:
            self.delivery_dead_letter_queue = DeadLetterQueue(
                self, "DeliveryEventsDeadLetterQueue", what="A delivery event"
            )
            self.delivery_function = self._function(
                "DeliveryEventsFunction", "record_delivery_event.handler",
                {"OPT_OUT_TABLE_NAME": self.table.table_name, "METRICS_NAMESPACE": metrics_namespace},
                memory_size, timeout, log_retention, self.delivery_dead_letter_queue, None, tracing,
            )  # fmt: skip
            self.delivery_events = DeliveryEvents(
                self,
                "DeliveryEvents",
                function=self.delivery_function,
                dead_letter_queue=self.delivery_dead_letter_queue,
                table=self.table,
                encryption_key=self.encryption_key,
            )
            self._add_environment(
                self.send_function,
                DEFAULT_CONFIGURATION_SET_VARIABLE,
                self.delivery_events.configuration_set_name,
            )
        self._grant_send_text_message(
            stack,
            number_arns,
            pool_arns,
            configuration_sets,
            protect_configurations,
            [self.delivery_events.configuration_set.attr_arn] if self.delivery_events else [],
        )
        self._grant_replies_from(
            stack,
            [n.arn for n in numbers],
            in_app_numbers,
            # Under scope ALL every event governs every send: the reply function never reads a pool.
            pool_list if environment.get("OPT_OUT_SCOPE") == "ORIGINATION" else (),
            pool_arns,
        )
        self.any_opt_out_list, list_numbers = grant_opt_out_list_removal(
            stack, self.reply_function, numbers, [p.arn for p in pool_list]
        )
        """The opt-out lists the reply function may remove a number from (an opt-in AWS will honour)."""
        self._add_environment(self.reply_function, LIST_NUMBERS_VARIABLE, list_numbers)
        self._add_environment(self.send_function, "SEND_CONCURRENCY", str(send_concurrency))
        for variable, value in send_rule_environment.items():
            self._add_environment(self.send_function, variable, value)
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
        self.rcs_agents = configure_agents_one_after_another(
            self,
            agent_list,
            topic=self.topic,
            after=[*receivable, *self.phone_numbers[-1:], *self.pools[-1:]],
        )
        configure_in_app_agents(in_app_agent_list, topic=self.topic, after=receivable)
        grant_rcs_and_notify(
            self,
            send_function=self.send_function,
            reply_function=self.reply_function,
            agent_arns=[a.arn for a in agent_list] + [a.attr_rcs_agent_arn for a in in_app_agent_list],
            pool_arns=pool_arns,
            notify_arns=[c.arn for c in notify_list],
        )
        # The reply function cannot reference an in-app agent (it depends on the function's
        # subscription): a reply names its agent by ARN, recognised without the list.
        if agent_list:
            self._add_environment(
                self.reply_function,
                "RCS_AGENT_IDS",
                stack.to_json_string([a.resource_id for a in agent_list]),
            )
        if agent_list or in_app_agent_list:
            self._add_environment(
                self.send_function,
                "RCS_AGENT_IDS",
                stack.to_json_string(
                    [a.resource_id for a in agent_list] + [a.attr_rcs_agent_id for a in in_app_agent_list]
                ),
            )
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
            dead_letter_queues=[
                self.reply_dead_letter_queue,
                self.send_dead_letter_queue,
                *([self.delivery_dead_letter_queue] if self.delivery_dead_letter_queue else []),
            ],
            dashboard_name=dashboard_name,
            alarm_topic=alarm_topic,
        )
        self.dashboard = self.observability.dashboard
        self._check_environment_sizes(
            table_name, numbers, in_app_numbers, pool_list, in_app_pools, given, agent_list, in_app_agent_list
        )
        self.alarms = self._alarms(alarm_topic) + self.observability.alarms
        if self.delivery_events is not None:
            configured = [c.e164_number for c in self.phone_numbers]
            configured += [n.attr_phone_number for n in in_app_numbers]
            self.alarms += watch_delivery(self, self.observability, configured, alarm_topic)
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
        agents: Sequence[ResourceRef] = (),
        in_app_agents: Sequence[smsvoice.CfnRcsAgent] = (),
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
            DEFAULT_CONFIGURATION_SET_VARIABLE: function_environment.MAX_CONFIGURATION_SET_NAME,
            "NUMBER_TYPES": function_environment.json_bound(
                [function_environment.LONGEST_NUMBER_TYPE] * (len(numbers) + len(in_app_numbers))
            ),
            "POOL_IDS": function_environment.json_bound(
                [p.pool_id for p in pools] + ["x" * pool_id] * len(in_app_pools)
            ),
            "RCS_AGENT_IDS": function_environment.json_bound(
                [a.resource_id for a in agents]
                + ["x" * function_environment.ID_LENGTH["rcs-agent"]] * len(in_app_agents)
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
        the membership of ``pools`` (read, under scope ORIGINATION, to judge a confirmation)."""
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
        own_configuration_sets: Sequence[str] = (),
    ) -> None:
        """Sending on the resource types it authorizes against, as named by the props; pool lookups.

        With pools, a send may go out through any number of a pool (by its number, ID or ARN), and a
        pool's numbers are not known at synthesis: the account's numbers in the region, as for replies.
        """
        any_number = (
            [stack.format_arn(service="sms-voice", resource="phone-number", resource_name="*")]
            if pool_arns
            else []
        )
        self.send_from_any_number: str | None = any_number[0] if any_number else None
        """The account's numbers in the region, when a send may go through a pool's number."""
        self.send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=list(SEND_ACTIONS),
                resources=[
                    *number_arns,
                    *pool_arns,
                    *any_number,
                    *own_configuration_sets,
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
        if number_arns or any_number:
            self.send_function.add_to_role_policy(
                iam.PolicyStatement(
                    actions=["sms-voice:DescribePhoneNumbers"], resources=any_number or list(number_arns)
                )
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
        functions = [("ReplyFunctionErrors", self.reply_function), ("SendFunctionErrors", self.send_function)]
        if self.delivery_function is not None and self.delivery_dead_letter_queue is not None:
            alarms.append(self.delivery_dead_letter_queue.not_empty_alarm)
            functions.append(("DeliveryEventsFunctionErrors", self.delivery_function))
        for name, function in functions:
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
