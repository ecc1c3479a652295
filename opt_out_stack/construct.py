"""The ``SmsOptOut`` construct: self-managed SMS opt-outs for existing End User Messaging numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import aws_cdk.aws_iam as iam
import aws_cdk.aws_kms as kms
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_logs as logs
import aws_cdk.aws_smsvoice as smsvoice
import aws_cdk.aws_sns as sns
import aws_cdk.aws_sns_subscriptions as subscriptions
from aws_cdk import Annotations, CfnResource, Duration, RemovalPolicy, Stack
from constructs import Construct

from opt_out_stack import numbers, prop_validation, send_capacity
from opt_out_stack.dead_letter_queues import DeadLetterQueue
from opt_out_stack.delivery_events import DeliveryEvents, record_delivery_events, watch_delivery
from opt_out_stack.function_environment import FunctionEnvironments, deploy_time_bounds
from opt_out_stack.functions import DEFAULT_TIMEOUT_SECONDS, RUNTIME, FunctionSettings, opt_out_function
from opt_out_stack.implied_dependencies import drop_provider_role_dependency
from opt_out_stack.observability import Observability, function_alarms
from opt_out_stack.opt_out_list_removal import grant_opt_out_list_removal
from opt_out_stack.permissions import (
    AWS_OPT_OUT_RECORD_CONDITIONS,
    IDEMPOTENCY_KEY_ACTIONS,
    READ_PREFERENCES_ACTIONS,
    RECORD_PREFERENCES_ACTIONS,
    REPLY_TABLE_ACTIONS,
    SEND_ACTIONS,
    SEND_TABLE_ACTIONS,
    grant_replies_from,
    grant_send_text_message,
    grant_table,
)
from opt_out_stack.rcs_agents import grant_rcs_and_notify
from opt_out_stack.runtime_props import RuntimeSettings
from opt_out_stack.send_capacity import DEFAULT_MAX_SEND_CONCURRENCY, DEFAULT_MEMORY_MB
from opt_out_stack.send_queue import SendQueue, confirmation_queue
from opt_out_stack.storage import opt_out_table
from opt_out_stack.text_parts import warn_multipart_texts
from opt_out_stack.topic_encryption import topic_key
from sms_opt_out import contract
from sms_opt_out.contract import DEFAULT_NAMESPACE
from sms_opt_out.ops.deployed_stack import RESOURCE_MARKER
from sms_opt_out.send.dispatch import DEFAULT_CONCURRENCY

__all__ = [
    "AWS_OPT_OUT_RECORD_CONDITIONS",
    "DEFAULT_MAX_SEND_CONCURRENCY",
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIMEOUT_SECONDS",
    "IDEMPOTENCY_KEY_ACTIONS",
    "READ_PREFERENCES_ACTIONS",
    "RECORD_PREFERENCES_ACTIONS",
    "REPLY_TABLE_ACTIONS",
    "RUNTIME",
    "SEND_ACTIONS",
    "SEND_TABLE_ACTIONS",
    "SmsOptOut",
]


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
        memory_size: int | None = None,
        timeout: Duration | None = None,
        reply_reserved_concurrency: int | None = None,
        send_reserved_concurrency: int | None = None,
        log_retention: logs.RetentionDays = logs.RetentionDays.ONE_YEAR,
        messages_per_second: Mapping[str, float] | None = None,
        send_concurrency: int = DEFAULT_CONCURRENCY,
        max_send_concurrency: int | None = None,
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
        :param memory_size: MB for each function (128 to 10240); CPU follows memory (one vCPU at
            1,769 MB). Default: 256, and for the send function enough CPU for the known rates of its
            numbers (``send_capacity``): more than 256 only when those rates need it.
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
            Default: 2, or more when one container at 1,769 MB cannot keep up with the known rates of
            the numbers. Synthesis warns (``sms-opt-out:sendCapacityShort``) with the figures when the
            given ``memory_size`` and ``max_send_concurrency`` cannot.
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
        identities = numbers.originations(
            stack,
            phone_number_ids=phone_number_ids,
            pool_ids=pool_ids,
            phone_numbers=phone_numbers,
            pools=pools,
            rcs_agent_ids=rcs_agent_ids,
            rcs_agents=rcs_agents,
            notify_configuration_ids=notify_configuration_ids,
        )
        numbers.refuse_numbers_configured_elsewhere(
            identities,
            [c for c in self.node.root.node.find_all() if isinstance(c, SmsOptOut) and c is not self],
        )
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
            contract.SEND_RULES_VARIABLE: prop_validation.send_rules(send_rules),
            contract.RETRY_CAPPED_VARIABLE: str(prop_validation.flag("retry_capped", retry_capped)).lower(),
        }
        if quiet_hours is not None:
            send_rule_environment[contract.QUIET_HOURS_VARIABLE] = prop_validation.quiet_hours(quiet_hours)
        if frequency_caps is not None:
            send_rule_environment[contract.FREQUENCY_CAPS_VARIABLE] = prop_validation.frequency_caps(
                frequency_caps
            )
        prop_validation.max_send_concurrency(max_send_concurrency)
        prop_validation.memory_size(memory_size)
        prop_validation.tracing(tracing)
        timeout = prop_validation.timeout_seconds(timeout, DEFAULT_TIMEOUT_SECONDS)
        reply_concurrency = prop_validation.reserved_concurrency(
            "reply_reserved_concurrency", reply_reserved_concurrency
        )
        send_concurrency_reserved = prop_validation.reserved_concurrency(
            "send_reserved_concurrency", send_reserved_concurrency
        )
        # Enough CPU for the rates of the numbers: the send function's memory, the queue's concurrency.
        rates = send_capacity.known_rates(identities, messages_per_second)
        capacity = send_capacity.size(
            rates.total,
            memory_size=memory_size,
            max_concurrency=max_send_concurrency,
            reserved_concurrency=send_concurrency_reserved,
        )
        send_capacity.warn_when_short(self, capacity, rates)
        configuration_sets = prop_validation.resource_names(
            "configuration_set_names", configuration_set_names, "marketing"
        )
        protect_configurations = prop_validation.resource_names(
            "protect_configuration_ids", protect_configuration_ids, "protect-0123456789abcdef0123456789abcdef"
        )

        # Storage and the inbound channel.
        self.encryption_key: kms.IKey = topic_key(self, encryption_key)
        self.table = opt_out_table(self, table_name=table_name, removal_policy=removal_policy)
        self.topic = numbers.inbound_topic(self, self.encryption_key)
        # The reply queue keeps the construct ID of the single queue of earlier versions, so an
        # upgrade keeps what waits there.
        self.reply_dead_letter_queue = DeadLetterQueue(
            self, "DeadLetterQueue", what="A reply (perhaps a STOP)"
        )
        self.send_dead_letter_queue = DeadLetterQueue(self, "SendDeadLetterQueue", what="A send")
        self.confirmation_dead_letter_queue = DeadLetterQueue(
            self, "ConfirmationDeadLetterQueue", what="A reply's confirmation (recorded and enforced)"
        )

        # Functions.
        environment[contract.TABLE_NAME_VARIABLE] = self.table.table_name
        function_settings = FunctionSettings(
            memory_size=memory_size or DEFAULT_MEMORY_MB,
            timeout=timeout,
            log_retention=log_retention,
            tracing=tracing,
        )
        self.reply_function = opt_out_function(
            self,
            "ReplyFunction",
            handler="process_reply.handler",
            environment=environment,
            dead_letter_queue=self.reply_dead_letter_queue,
            reserved_concurrency=reply_concurrency,
            settings=function_settings,
        )
        self.send_function = opt_out_function(
            self,
            "SendFunction",
            handler="send_text_message.handler",
            environment=environment,
            dead_letter_queue=self.send_dead_letter_queue,
            reserved_concurrency=send_concurrency_reserved,
            settings=replace(function_settings, memory_size=capacity.memory_size),
        )
        environments = FunctionEnvironments([self.reply_function, self.send_function], environment)
        subscription = self.topic.add_subscription(
            subscriptions.LambdaSubscription(
                self.reply_function, dead_letter_queue=self.reply_dead_letter_queue
            )
        )
        # Every failed send ends on one queue: a send of a batch that SendTextMessage refuses too.
        environments.add(
            self.send_function,
            contract.FAILED_SENDS_QUEUE_URL_VARIABLE,
            self.send_dead_letter_queue.queue_url,
        )
        self.send_dead_letter_queue.grant_send_messages(self.send_function)
        grant_table(self.table, reply_function=self.reply_function, send_function=self.send_function)

        self.delivery_function: lambda_.Function | None = None
        self.delivery_dead_letter_queue: DeadLetterQueue | None = None
        self.delivery_events: DeliveryEvents | None = None
        if delivery_events:
            self.delivery_events = record_delivery_events(
                self,
                table=self.table,
                encryption_key=self.encryption_key,
                namespace=metrics_namespace,
                settings=function_settings,
            )
            self.delivery_function = self.delivery_events.function
            self.delivery_dead_letter_queue = self.delivery_events.dead_letter_queue
            environments.add(
                self.send_function,
                contract.DEFAULT_CONFIGURATION_SET_VARIABLE,
                self.delivery_events.configuration_set_name,
            )

        # Permissions on the SMS API.
        self.send_from_any_number: str | None = grant_send_text_message(
            self.send_function,
            number_arns=identities.number_arns,
            pool_arns=identities.pool_arns,
            configuration_sets=configuration_sets,
            protect_configurations=protect_configurations,
            own_configuration_sets=[self.delivery_events.configuration_set.attr_arn]
            if self.delivery_events
            else [],
        )
        """The account's numbers in the region, when a send may go through a pool's number."""
        self.reply_from_any_number: str | None = grant_replies_from(
            self,
            self.reply_function,
            number_arns=[n.arn for n in identities.numbers],
            in_app_numbers=identities.in_app_numbers,
            # Under scope ALL every event governs every send: the reply function never reads a pool.
            pools=identities.pools
            if environment.get(contract.OPT_OUT_SCOPE_VARIABLE) == "ORIGINATION"
            else (),
            pool_arns=identities.pool_arns,
        )
        """The account's numbers in the region, when a reply may come to a pool's number (not known
        at synthesis)."""
        self.any_opt_out_list, list_numbers = grant_opt_out_list_removal(
            stack, self.reply_function, identities.numbers, [p.arn for p in identities.pools]
        )
        """The opt-out lists the reply function may remove a number from (an opt-in AWS will honour)."""
        environments.add(self.reply_function, contract.LIST_NUMBERS_VARIABLE, list_numbers)
        environments.add(self.send_function, contract.SEND_CONCURRENCY_VARIABLE, str(send_concurrency))
        for variable, value in send_rule_environment.items():
            environments.add(self.send_function, variable, value)
        self.send_queue = SendQueue(
            self,
            "SendQueue",
            function=self.send_function,
            timeout=timeout,
            dead_letter_queue=self.send_dead_letter_queue,
            max_concurrency=capacity.max_concurrency,
        ).queue
        # A confirmation its number has no slot for now waits here; the reply function sends it at
        # the number's rate, shared with the senders (RATE# leases).
        self.confirmation_queue = confirmation_queue(
            self,
            function=self.reply_function,
            timeout=timeout,
            dead_letter_queue=self.confirmation_dead_letter_queue,
        )

        # Numbers: self-managed opt-outs come on only once a STOP can be received (off first on delete).
        permissions = [c for c in self.reply_function.node.children if isinstance(c, lambda_.CfnPermission)]
        receivable = [self.topic.node.find_child("Policy"), subscription, *permissions]
        configured = numbers.configure(self, identities, topic=self.topic, receivable=receivable)
        self.phone_numbers = configured.phone_numbers
        self.pools = configured.pools
        self.rcs_agents = configured.rcs_agents
        grant_rcs_and_notify(
            self,
            send_function=self.send_function,
            reply_function=self.reply_function,
            agent_arns=identities.agent_arns,
            pool_arns=identities.pool_arns,
            notify_arns=[c.arn for c in identities.notify_configurations],
        )
        numbers.tell_the_functions(
            environments,
            identities,
            configured,
            reply_function=self.reply_function,
            send_function=self.send_function,
        )

        # Observability.
        self.observability = Observability(
            self,
            "Observability",
            namespace=metrics_namespace,
            reply_function=self.reply_function,
            send_function=self.send_function,
            dead_letter_queues=[
                self.reply_dead_letter_queue,
                self.send_dead_letter_queue,
                self.confirmation_dead_letter_queue,
                *([self.delivery_dead_letter_queue] if self.delivery_dead_letter_queue else []),
            ],
            dashboard_name=dashboard_name,
            alarm_topic=alarm_topic,
        )
        self.dashboard = self.observability.dashboard
        environments.check_sizes(deploy_time_bounds(table_name, identities), given)
        watched: dict[str, lambda_.IFunction] = {
            "ReplyFunctionErrors": self.reply_function,
            "SendFunctionErrors": self.send_function,
        }
        dead_letter_queues = [
            self.reply_dead_letter_queue,
            self.send_dead_letter_queue,
            self.confirmation_dead_letter_queue,
        ]
        if self.delivery_function is not None and self.delivery_dead_letter_queue is not None:
            dead_letter_queues.append(self.delivery_dead_letter_queue)
            watched["DeliveryEventsFunctionErrors"] = self.delivery_function
        self.alarms = (
            function_alarms(
                self, dead_letter_queues=dead_letter_queues, functions=watched, alarm_topic=alarm_topic
            )
            + self.observability.alarms
        )
        if self.delivery_events is not None:
            self.alarms += watch_delivery(
                self, self.observability, numbers.delivery_identities(identities, configured), alarm_topic
            )
        self._mark_for_the_cli()
        drop_provider_role_dependency(stack)

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
            "confirmation-dead-letter-queue": self.confirmation_dead_letter_queue,
        }
        if self.delivery_function is not None and self.delivery_dead_letter_queue is not None:
            marked["delivery-function"] = self.delivery_function
            marked["delivery-dead-letter-queue"] = self.delivery_dead_letter_queue
        for role, construct in marked.items():
            resource = construct.node.default_child
            assert isinstance(resource, CfnResource)
            resource.add_metadata(RESOURCE_MARKER, {"role": role, "construct": self.node.path})
