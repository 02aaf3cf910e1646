package com.auditeng.db.model;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** One uploaded commissioning report and the job that analyses it. */
@Entity
@Table(name = "tasks",
        indexes = {
                @Index(name = "ix_tasks_user_id", columnList = "user_id"),
                @Index(name = "ix_tasks_status", columnList = "status")},
        check = @CheckConstraint(name = "ck_tasks_file_size", constraint = "file_size >= 0"))
public class Task extends BaseEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_tasks_user_id_users"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Enumerated(EnumType.STRING)
    @ColumnDefault("'QUEUED'")
    @Column(name = "status", length = 50, nullable = false)
    private TaskStatus status = TaskStatus.QUEUED;

    @Column(name = "original_filename", length = 255, nullable = false)
    private String originalFilename;

    @Column(name = "file_path", length = 500)
    private String filePath;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;

    @OneToOne(mappedBy = "task", fetch = FetchType.LAZY)
    private Analysis analysis;

    protected Task() {
    }

    public Task(String originalFilename, long fileSize) {
        this.originalFilename = originalFilename;
        this.fileSize = fileSize;
    }

    public User getUser() {
        return user;
    }

    void setUser(User user) {
        this.user = user;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public String getOriginalFilename() {
        return originalFilename;
    }

    public String getFilePath() {
        return filePath;
    }

    public void setFilePath(String filePath) {
        this.filePath = filePath;
    }

    public long getFileSize() {
        return fileSize;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    public Analysis getAnalysis() {
        return analysis;
    }

    /** Attaches the analysis of this task, setting both sides of the relationship. */
    public Analysis attachAnalysis(Analysis analysis) {
        this.analysis = analysis;
        analysis.setTask(this);
        return analysis;
    }
}
